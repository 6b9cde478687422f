//===- Conversions.h - What an initialization or a conversion calls -------===//
//
// The lowering re-assembles declarations and operands around suspension
// points; whether it may write an initialization another way, or copy a
// value into the frame, depends on which constructors and conversion
// functions C++ would call. These answer that from the AST.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_CONVERSIONS_H
#define AWAITC_TOOL_CONVERSIONS_H

#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"

namespace awaitc {

/// Whether copy-initializing a \p T from \p Init (`T x = e;`) means the
/// same as direct-initializing it (`T x(e);`): not when direct
/// initialization would consider explicit constructors, or copy
/// initialization the conversion functions of the initializer's class.
bool copyInitIsDirect(clang::QualType T, const clang::Expr *Init);

/// Whether \p E converts its operand by a conversion function (its
/// implicit nodes hold one).
bool convertsByFunction(const clang::Expr *E);

/// Whether an object of type \p T can be copied from a const lvalue.
bool isCopyable(clang::QualType T);

} // namespace awaitc

#endif
