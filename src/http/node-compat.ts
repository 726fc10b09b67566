// restify 11 loads spdy, whose http-deceiver reads process.binding("http_parser") when it
// is loaded. Node 24 no longer offers that binding ("No such module: http_parser"), so
// restify could not even be imported there, and Node 20 and 22 print a deprecation
// warning (DEP0111) at every start. node:_http_common exports the very same parser and
// method list (identical objects on Node 20 and 22), so that one binding is answered from
// there on every version; every other name goes to Node as before.
// Imported by src/server.ts before restify.

interface HttpCommon {
  HTTPParser: unknown;
  methods: string[];
}

type Binding = (name: string) => unknown;

const proc = process as unknown as { binding: Binding };
const original = proc.binding;

proc.binding = function binding(this: unknown, name: string): unknown {
  if (name !== "http_parser") return original.call(process, name);
  const common = require("_http_common") as HttpCommon;
  return { HTTPParser: common.HTTPParser, methods: common.methods };
};

export {};
