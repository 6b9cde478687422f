// What every fuzz input is parsed after (precompiled once per fuzzer
// process, see transform_fuzzer.cpp): the runtime and the standard headers
// the corpus includes most. The inputs may include these again (cheap: they
// are guarded), or nothing at all. Not the lit tests' tracer.h: many inputs
// declare a Tracer of their own; those that include it find it through -I.
#pragma once

#include <awaitc/awaitc.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
