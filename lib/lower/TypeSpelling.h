//===- TypeSpelling.h - Types the frame class names, spelled as C++ -------===//
//
// A slot of the frame class needs its type spelled where the user's
// declaration may not have one: `auto`, `decltype(auto)`, forms whose type
// an instantiation decides. These spell such types (through decltype of the
// initializer, by C++'s deduction rules) and the small expressions that take
// a slot's address.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_TYPESPELLING_H
#define AWAITC_TOOL_TYPESPELLING_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

#include <optional>
#include <string>

namespace awaitc {

/// `const ` and `volatile ` as \p T has them, to spell before a type named
/// otherwise.
std::string cvPrefix(clang::QualType T);

/// Whether \p T is `decltype(auto)` deduced only in instantiations.
bool isDependentDecltypeAuto(clang::QualType T);

/// The type a declaration whose placeholder type \p Declared (`auto`,
/// `const auto &`, `auto &&`, `auto *const`, `decltype(auto)`) depends on a
/// template parameter deduces from the initializer \p Init, spelled through
/// decltype of \p Init as C++'s deduction rules say; with \p Pointee, the
/// type a reference of that declared type refers to. None for a form the
/// rules below do not cover.
std::optional<std::string> deducedTypeText(clang::QualType Declared,
                                           const std::string &Init,
                                           bool Pointee);

/// Whether \p VD's type is spelled in the source (not deduced).
bool isWrittenType(const clang::VarDecl *VD);

/// `std::addressof(Value)`; an xvalue, which std::addressof rejects, is
/// named first.
std::string addressOf(const std::string &Value, bool XValue);

} // namespace awaitc

#endif
