//===- Instantiations.h - What a template's instantiations do -------------===//
//
// The body of a template shows neither the types nor the temporaries that
// its instantiations will have: a reference may bind a temporary in one
// instantiation and an lvalue in another. Where the lowering of a template
// must know, it asks the instantiations seen in this translation unit,
// which are the ones the generated code will be compiled for.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_INSTANTIATIONS_H
#define AWAITC_TOOL_INSTANTIATIONS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace awaitc {

/// The instantiations of \p Fn seen in this translation unit: of a function
/// template, of a member of a class template, of a member template of a
/// class template.
llvm::SmallVector<const clang::FunctionDecl *, 4>
instantiationsOf(const clang::FunctionDecl &Fn);

/// The variables that \p Var became in the instantiations of \p Fn seen in
/// this translation unit.
llvm::SmallVector<const clang::VarDecl *, 4>
instantiatedVars(const clang::FunctionDecl &Fn, const clang::VarDecl *Var);

/// Whether, in an instantiation of \p Fn seen in this translation unit, the
/// variable declared as \p Var extends the life of a temporary.
bool extendsInInstantiation(const clang::FunctionDecl &Fn,
                            const clang::VarDecl *Var);

/// Whether a reference bound to \p Init, whose type depends on a template
/// parameter, extends the life of no temporary but \p Init itself: \p Init
/// is not a member, element or cast of a temporary, and in no instantiation
/// seen in this translation unit does \p Var bind a converted copy of it.
bool bindsWholeValue(const clang::FunctionDecl &Fn, const clang::VarDecl *Var,
                     const clang::Expr *Init);

/// A binding of \p Bindings that names a bit-field in an instantiation of
/// \p Fn seen in this translation unit (no reference can refer to one).
const clang::BindingDecl *
bitFieldBindingIn(const clang::FunctionDecl &Fn,
                  const clang::DecompositionDecl *Bindings);

/// The temporaries in \p S whose life \p D extends.
void collectExtended(
    const clang::Stmt *S, const clang::ValueDecl *D,
    llvm::SmallVectorImpl<const clang::MaterializeTemporaryExpr *> &Out);

/// The nodes from \p From down to \p To, both included; false if \p To is
/// not within \p From.
bool pathTo(const clang::Stmt *From, const clang::Stmt *To,
            llvm::SmallVectorImpl<const clang::Stmt *> &Path);

} // namespace awaitc

#endif
