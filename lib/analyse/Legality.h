//===- Legality.h - What no lowering could transform correctly ------------===//
//
// Some functions cannot become a state machine whatever the lowering does:
// a jump into a block that holds a suspension point (it would skip the
// block's guards and dispatch, which are declarations), computed goto,
// setjmp (its saved context does not survive a suspension), a
// variable-length array living across a suspension, a lambda that must
// move out of step() but uses what it could not use there; a suspension
// inside `if constexpr`, a switch without braces, a GNU `?:` without a
// middle operand, or a handler that catches by value; a generator of
// references, two parameter packs, an annotated lambda's copy capture that
// cannot be copied. These are diagnosed before lowering starts.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LEGALITY_H
#define AWAITC_TOOL_LEGALITY_H

#include "analyse/Analysis.h"
#include "support/Diagnostics.h"

namespace awaitc {

/// False after diagnosing the first such problem in the function
/// \p Analysis describes.
bool checkBody(const BodyAnalysis &Analysis, Diagnoser &Diag);

} // namespace awaitc

#endif
