import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale, ROUTES, type Route } from '@groundwork/content';
import { BrandKitError, DocumentKindError, RenderOptionsError } from '../errors.js';
import { PAPER_SIZES, type PaperSize } from '../paper.js';
import type { BrandKitInput } from '../brand/brand-kit.js';
import type { ChecklistReportInput } from '../checklist-report.js';
import type { RenderWarning } from '../text/prepare-text.js';
import { CliError, EXIT } from './exit-codes.js';

/** Where the CLI writes; injectable so tests can run it in-process too. */
export interface CliIo {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** The `--help` text. */
export const USAGE = `Usage: groundwork-pdf <command> [options]

Commands:
  guide                          the Psychedelic Basics guide
  handout <id>                   a patient handout, branded for a practice
  consent <id> --routes iv,im    an informed-consent form for the routes you offer
  checklist-report --report <file.json>
                                 an onboarding checklist report

Options:
  --brand <file.json>   brand kit (required for handout, consent and checklist-report;
                        optional for guide). A "logo" that is a file path is read
                        relative to the brand file.
  --locale <en|es>      language (default en)
  --paper <letter|a4>   paper size (default letter)
  --out <file.pdf>      output file (default <id>.pdf; "-" writes to stdout)
  --routes <list>       consent only: comma-separated, from ${ROUTES.join(', ')}
  --patient-name <name> consent only: print the patient's name
  --date <text>         consent only: print this date on the date lines
  --no-fillable         consent only: no form fields
  --pdfa                ask for PDF/A output (PDF/A-2a, or 2b with --untagged)
  --untagged            no structure tags (the PDF is tagged for screen readers,
                        PDF/UA-1, by default)
  -h, --help            show this help

Exit codes: 0 written, 1 bad input, 2 bad usage, 3 render failure, 4 cannot write the file.
`;

const COMMANDS = ['guide', 'handout', 'consent', 'checklist-report'] as const;

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CliError(
      `Cannot read the ${what} file ${path}: ${(cause as Error).message}`,
      EXIT.badInput,
      { cause },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CliError(
      `The ${what} file ${path} is not valid JSON: ${(cause as Error).message}`,
      EXIT.badInput,
      {
        cause,
      },
    );
  }
}

async function readBrandKit(path: string): Promise<unknown> {
  const brand = await readJson(path, 'brand kit');
  if (brand && typeof brand === 'object' && 'logo' in brand && typeof brand.logo === 'string') {
    const logo = brand.logo;
    const looksLikeData =
      logo.startsWith('data:') || (logo.length > 200 && !/[./\\]/.test(logo.slice(0, 40)));
    if (!looksLikeData) {
      const logoPath = resolve(dirname(path), logo);
      try {
        return { ...brand, logo: new Uint8Array(await readFile(logoPath)) };
      } catch (cause) {
        throw new CliError(
          `Cannot read the logo file ${logoPath}: ${(cause as Error).message}`,
          EXIT.badInput,
          {
            cause,
          },
        );
      }
    }
  }
  return brand;
}

function parseRoutes(value: string | undefined): Route[] | undefined {
  if (value === undefined) return undefined;
  const routes = value
    .split(',')
    .map((route) => route.trim())
    .filter(Boolean);
  const unknown = routes.filter((route) => !(ROUTES as readonly string[]).includes(route));
  if (routes.length === 0 || unknown.length > 0) {
    throw new CliError(
      `Unknown route(s) ${unknown.map((route) => JSON.stringify(route)).join(', ') || '(none given)'}: --routes takes a comma-separated list from ${ROUTES.join(', ')}`,
      EXIT.usage,
    );
  }
  return routes as Route[];
}

/** Runs the `groundwork-pdf` command with arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`groundwork-pdf: ${error.message}\n`);
      if (error.exitCode === EXIT.usage) io.stderr('Run groundwork-pdf --help for usage.\n');
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`groundwork-pdf: ${message}\n`);
    // The package's input errors: a bad brand kit or report, an unknown document id.
    if (
      error instanceof BrandKitError ||
      error instanceof DocumentKindError ||
      error instanceof RenderOptionsError
    ) {
      return EXIT.badInput;
    }
    // RenderError, or anything unexpected: the renderer failed on valid input.
    return EXIT.renderFailed;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (cause) {
    throw new CliError((cause as Error).message, EXIT.usage, { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [command, id, ...extra] = positionals;
  if (!command) throw new CliError('No command given.', EXIT.usage);
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new CliError(
      `Unknown command ${JSON.stringify(command)}: expected one of ${COMMANDS.join(', ')}.`,
      EXIT.usage,
    );
  }
  const needsId = command === 'handout' || command === 'consent';
  if (needsId && !id)
    throw new CliError(
      `"${command}" needs a document id, e.g. groundwork-pdf ${command} <id>.`,
      EXIT.usage,
    );
  if ((!needsId && id) || extra.length > 0) {
    throw new CliError(
      `Unexpected argument ${JSON.stringify(needsId ? extra[0] : id)}.`,
      EXIT.usage,
    );
  }
  const paper = (values.paper ?? 'letter').toUpperCase() as PaperSize;
  if (!PAPER_SIZES.includes(paper)) {
    throw new CliError(
      `Unknown paper ${JSON.stringify(values.paper)}: expected letter or a4.`,
      EXIT.usage,
    );
  }
  const locale = (values.locale ?? 'en') as Locale;
  if (!LOCALES.includes(locale))
    throw new CliError(`Unknown locale ${JSON.stringify(locale)}: expected en or es.`, EXIT.usage);
  if (
    command !== 'consent' &&
    (values.routes || values['patient-name'] || values.date || values['no-fillable'])
  ) {
    throw new CliError(
      '--routes, --patient-name, --date and --no-fillable only apply to consent.',
      EXIT.usage,
    );
  }
  if (command !== 'checklist-report' && values.report) {
    throw new CliError('--report only applies to checklist-report.', EXIT.usage);
  }
  if (command !== 'guide' && !values.brand)
    throw new CliError(`"${command}" needs --brand <brand.json>.`, EXIT.usage);
  if (command === 'checklist-report' && !values.report) {
    throw new CliError('"checklist-report" needs --report <report.json>.', EXIT.usage);
  }
  const routes = parseRoutes(values.routes);
  // Loaded only now, so usage errors answer without starting the renderer.
  const { renderChecklistReport, renderConsent, renderGuide, renderHandout } = await import(
    '../index.js'
  );
  const brandKit = values.brand ? await readBrandKit(resolve(io.cwd, values.brand)) : undefined;
  const warnings: RenderWarning[] = [];
  const common = {
    locale,
    paper,
    pdfa: values.pdfa ?? false,
    tagged: !values.untagged,
    onWarnings: (found: RenderWarning[]) => warnings.push(...found),
  };
  let bytes: Uint8Array;
  let name: string;
  // brandKit is unknown JSON here; the render functions parse it and name every bad field.
  const brand = brandKit as BrandKitInput;
  switch (command) {
    case 'guide':
      bytes = await renderGuide({ ...common, ...(brandKit ? { brandKit: brand } : {}) });
      name = 'psychedelic-basics-guide';
      break;
    case 'handout':
      bytes = await renderHandout({ ...common, document: id ?? '', brandKit: brand });
      name = id ?? 'handout';
      break;
    case 'consent':
      bytes = await renderConsent({
        ...common,
        document: id ?? '',
        brandKit: brand,
        ...(routes ? { routes } : {}),
        ...(values['patient-name'] ? { patientName: values['patient-name'] } : {}),
        ...(values.date ? { date: values.date } : {}),
        ...(values['no-fillable'] ? { fillable: false } : {}),
      });
      name = id ?? 'consent';
      break;
    default: {
      const report = await readJson(resolve(io.cwd, values.report ?? ''), 'report');
      bytes = await renderChecklistReport({
        ...common,
        report: report as ChecklistReportInput,
        brandKit: brand,
      });
      name = 'checklist-report';
    }
  }
  for (const warning of warnings) io.stderr(`groundwork-pdf: warning: ${warning.message}\n`);
  const out = values.out ?? `${name}${locale === 'en' ? '' : `.${locale}`}.pdf`;
  if (out === '-') {
    io.stdout(bytes);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, out);
  try {
    await writeFile(target, bytes);
  } catch (cause) {
    throw new CliError(`Cannot write ${target}: ${(cause as Error).message}`, EXIT.writeFailed, {
      cause,
    });
  }
  io.stderr(`groundwork-pdf: wrote ${target} (${bytes.byteLength} bytes)\n`);
  return EXIT.ok;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      brand: { type: 'string' },
      locale: { type: 'string' },
      paper: { type: 'string' },
      out: { type: 'string', short: 'o' },
      routes: { type: 'string' },
      'patient-name': { type: 'string' },
      date: { type: 'string' },
      'no-fillable': { type: 'boolean' },
      report: { type: 'string' },
      pdfa: { type: 'boolean' },
      untagged: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
