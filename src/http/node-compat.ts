// restify 11 loads spdy, whose http-deceiver reads process.binding("http_parser") when it
// is loaded. Node 24 no longer offers that binding ("No such module: http_parser"), so
// restify could not even be imported there. node:_http_common exports the same parser and
// method list (the very same objects on Node 20 and 22); they are handed to that one
// caller only when Node itself throws. Node 20 and 22 keep their own binding.
// Imported by src/server.ts before restify.

interface HttpCommon {
  HTTPParser: unknown;
  methods: string[];
}

type Binding = (name: string) => unknown;

const proc = process as unknown as { binding: Binding };
const original = proc.binding;

proc.binding = function binding(this: unknown, name: string): unknown {
  try {
    return original.call(process, name);
  } catch (e) {
    if (name !== "http_parser") throw e;
    const common = require("_http_common") as HttpCommon;
    return { HTTPParser: common.HTTPParser, methods: common.methods };
  }
};

export {};
