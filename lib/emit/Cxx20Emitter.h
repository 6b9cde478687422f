//===- Cxx20Emitter.h - The C++20 coroutine back end (--emit=cxx20) -------===//
//
// Rewrites each annotated function in place into a C++20 coroutine on the
// awaitc runtime (its promise types are in
// runtime/include/awaitc/detail/coroutine_frame.h): `AWAIT(x)` becomes
// `(co_await (x))`, `YIELD(x)` `(co_yield (x))`, a `return` of the annotated
// body `co_return`, and an annotated lambda `named_lambda<"name">(lambda)`,
// with the name BodyAnalysis gives the state machine's frame. Nothing else
// changes, and no line moves, so the output needs no #line directives. No
// lowering runs: this back end is the simple, independent one that the
// state machines are checked against.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_CXX20EMITTER_H
#define AWAITC_TOOL_CXX20EMITTER_H

#include "support/Diagnostics.h"
#include "find/Finder.h"
#include "support/SourceText.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>

namespace awaitc {

/// The main file's new text, or nothing after reporting through \p Diag
/// what C++20 coroutines cannot express.
std::optional<std::string>
emitCxx20(llvm::ArrayRef<AnnotatedFunction> Functions, const SourceText &Src,
          clang::ASTContext &Ctx, Diagnoser &Diag);

} // namespace awaitc

#endif
