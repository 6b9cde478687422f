//===- Transitions.h - Where a body goes between its suspensions ----------===//
//
// A state machine is entered at its start and at each suspension point it
// resumes from; it leaves by suspending again, by returning or by throwing.
// This is the graph of those transitions, computed on the user's statement
// tree (Clang's CFG cannot serve: YIELD expands to a `return`, after which
// the CFG has no path, and the body of a template has no CFG at all).
//
// "May throw" is the compiler's view: a call that is not noexcept, a
// `throw`, a `new`, and every resumption (the awaited work may have failed).
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_TRANSITIONS_H
#define AWAITC_TOOL_TRANSITIONS_H

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

#include <vector>

namespace awaitc {

class BodyAnalysis;

/// Where control can go from one entry before the body suspends again or
/// ends.
struct Exits {
  /// The suspension points reached first (AWAIT, YIELD, AWAIT_EACH
  /// markers), in source order.
  std::vector<const clang::CallExpr *> Suspends;
  bool Returns = false;
  bool Throws = false;
};

struct SuspensionGraph {
  Exits FromStart;
  /// From resuming at each suspension point.
  llvm::DenseMap<const clang::CallExpr *, Exits> FromResume;
};

/// The transitions of the body \p Analysis describes.
SuspensionGraph suspensionGraph(const BodyAnalysis &Analysis);

} // namespace awaitc

#endif
