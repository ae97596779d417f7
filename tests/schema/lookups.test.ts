/**
 * The lookups that cost something (what a typed name or topic means, what a search finds, a
 * dated view) go through the request's DataLoaders: each distinct key is resolved once per
 * request however many fields ask for it, and a new request starts with nothing resolved.
 */
import { describe, expect, it } from 'vitest';
import { Lookups } from '../../src/schema/lookups';
import { run, testYoga } from '../kit';

describe('the request’s lookups', () => {
  it('resolve each distinct name once, whatever field asks', async () => {
    const { result, context } = await run(`{
      a: unit(name: "NOS") { key }
      b: unit(name: "NOS") { key }
      line: reportingLine(unit: "NOS") { key }
      events(affecting: "NOS") { nodes { key } }
      other: unit(name: "ESC") { key }
    }`);
    expect(result.errors).toBeUndefined();
    expect(context.lookups.resolved.get('unitNamed')).toBe(2);
  });

  it('resolve each topic once for whoHandles, handlers and responsibilityFor alike', async () => {
    const { result, context } = await run(`{
      whoHandles(topic: "cyber defence") { key }
      handlers(topic: "cyber defence") { unit { key } }
      responsibilityFor(topic: "cyber defence") { matches { unit { key } } }
      again: whoHandles(topic: "cyber defence") { key }
      other: whoHandles(topic: "terrorism") { key }
    }`);
    expect(result.errors).toBeUndefined();
    expect(context.lookups.resolved.get('responsibility')).toBe(2);
  });

  it('build each dated view once, and search each text once', async () => {
    const { result, context } = await run(`{
      a: at(date: "2009-06-01") { divisions { key } }
      b: at(date: "2009-06-01") { offices { key } }
      c: at(date: "2006") { divisions { key } }
      s: search(text: "cyber") { edges { cursor } }
      t: search(text: "cyber") { edges { cursor } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(context.lookups.resolved.get('view')).toBe(2);
    expect(context.lookups.resolved.get('search')).toBe(1);
  });

  it('start afresh in every request yoga serves', async () => {
    // yoga's own context factory, as the server runs it for each request.
    const yoga = await testYoga();
    const contextOf = async () =>
      (await yoga.getEnveloped({ params: { query: '{ offices { key } }' } }).contextFactory()) as {
        lookups: unknown;
      };
    const [first, second] = [await contextOf(), await contextOf()];
    expect(first.lookups).toBeInstanceOf(Lookups);
    expect(second.lookups).not.toBe(first.lookups);
  });
});
