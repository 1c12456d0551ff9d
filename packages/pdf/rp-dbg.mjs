import React from 'react';
import { Document, Page, Text, Font, renderToFile } from '@react-pdf/renderer';
const emoji = '/work/wt/hardening-pdf/packages/pdf/node_modules/@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff';
const inter = '/work/wt/hardening-pdf/packages/pdf/node_modules/@fontsource/inter/files/inter-latin-400-normal.woff';
Font.register({ family: 'emoji', src: emoji });
Font.register({ family: 'inter', src: inter });
const h = React.createElement;
const txt = process.argv[2];
// load fonts and patch layout
for (const fam of ['emoji','inter']) { const src = Font.getRegisteredFonts()[fam].sources[0]; await src.load(); const f = src.data; const orig = f.layout.bind(f); f.layout = (t, ...r) => { const run = orig(t, ...r); console.log(fam, JSON.stringify(t), [...t].map(c=>c.codePointAt(0).toString(16)), run.glyphs.map(g=>g.id)); return run; }; }
await renderToFile(h(Document, null, h(Page, null,
  h(Text, { style: { fontFamily: ['inter', 'emoji'], fontSize: 24 } }, txt),
)), '/tmp/hp/rp.pdf');
