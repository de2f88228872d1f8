// A shared library that is not a docpipe plugin at all.
extern "C" __attribute__((visibility("default"))) int something_else() { return 1; }
