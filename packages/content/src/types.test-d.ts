import {
  type Block,
  type Document,
  fill,
  getDocument,
  type Inline,
  type PlaceholderName,
  type PlaceholderValues,
  type Route,
} from '@groundwork/content';
import { describe, expectTypeOf, it } from 'vitest';

describe('public types', () => {
  it('types documents, blocks and inlines as discriminated unions', () => {
    expectTypeOf(getDocument).returns.toEqualTypeOf<Document>();
    expectTypeOf<Extract<Block, { type: 'callout' }>['tone']>().toEqualTypeOf<
      'info' | 'warning' | 'urgent'
    >();
    expectTypeOf<
      Extract<Inline, { type: 'placeholder' }>['name']
    >().toEqualTypeOf<PlaceholderName>();
    expectTypeOf<Route>().toEqualTypeOf<
      'iv' | 'im' | 'oral-sublingual' | 'intranasal-esketamine'
    >();
  });

  it('takes only known placeholder names in fill', () => {
    expectTypeOf(fill).parameter(1).toEqualTypeOf<PlaceholderValues>();
    // @ts-expect-error an unknown placeholder name is a type error
    fill({} as Document, { 'practice.fax': '555' });
  });
});
