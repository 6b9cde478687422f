//===- Legality.h - What no lowering could transform correctly ------------===//
//
// Some bodies cannot become a state machine whatever the lowering does: a
// jump into a block that holds a suspension point (it would skip the
// block's guards and dispatch, which are declarations), computed goto,
// setjmp (its saved context does not survive a suspension), a
// variable-length array living across a suspension, a lambda that must
// move out of step() but uses what it could not use there. These are
// diagnosed before lowering starts.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LEGALITY_H
#define AWAITC_TOOL_LEGALITY_H

#include "analyse/Analysis.h"
#include "support/Diagnostics.h"

namespace awaitc {

/// False after diagnosing the first such problem in the body \p Analysis
/// describes.
bool checkBody(const BodyAnalysis &Analysis, Diagnoser &Diag);

} // namespace awaitc

#endif
