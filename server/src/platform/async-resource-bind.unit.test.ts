import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { useLeanAsyncResourceBind } from './async-resource-bind';

describe('lean AsyncResource#bind', () => {
  it('still runs the function in the resource’s async context, with its this, arguments and length', async () => {
    useLeanAsyncResourceBind();
    useLeanAsyncResourceBind(); // a second call changes nothing
    const store = new AsyncLocalStorage<string>();
    const bound = store.run('at creation', () =>
      new AsyncResource('test').bind(function (this: unknown, a: number, b: number) {
        return { ctx: store.getStore(), self: this, sum: a + b };
      }),
    );
    const seen = await store.run(
      'elsewhere',
      () => new Promise<ReturnType<typeof bound>>((resolve) => setImmediate(() => resolve(bound.call('me', 2, 3)))),
    );
    expect(seen).toEqual({ ctx: 'at creation', self: 'me', sum: 5 });
    expect(bound.length).toBe(2);
    expect(Object.prototype.hasOwnProperty.call(bound, 'asyncResource')).toBe(false);
    // Node's bind also takes the `this` to call with (the type declarations leave it out)
    const bindWith = new AsyncResource('test').bind as unknown as (fn: () => number, thisArg: object) => () => number;
    const withThis = bindWith.call(
      new AsyncResource('test'),
      function (this: { n: number }) {
        return this.n;
      },
      { n: 7 },
    );
    expect(withThis()).toBe(7);
    expect(() => new AsyncResource('test').bind('no' as never)).toThrow(TypeError);
  });
});
