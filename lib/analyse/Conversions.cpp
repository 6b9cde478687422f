//===- Conversions.cpp - What an initialization or a conversion calls -----===//
//
// See Conversions.h.
//
//===----------------------------------------------------------------------===//
#include "analyse/Conversions.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace awaitc {

bool copyInitIsDirect(QualType T, const Expr *Init) {
  if (T->isDependentType() || Init->isTypeDependent())
    return false;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record) {
    // Only a class's conversion function may be explicit.
    const auto *Cast = dyn_cast<ImplicitCastExpr>(Init->IgnoreParens());
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
      Cast = dyn_cast<ImplicitCastExpr>(Cleanups->getSubExpr()->IgnoreParens());
    return !Cast || Cast->getCastKind() != CK_UserDefinedConversion;
  }
  const Expr *E = Init;
  while (true) {
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Paren = dyn_cast<ParenExpr>(E))
      E = Paren->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
             Cast && Cast->getCastKind() == CK_NoOp)
      E = Cast->getSubExpr();
    else
      break;
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(E);
  bool Conversion = isa<ImplicitCastExpr>(E) ||
                    (Construct && !isa<CXXTemporaryObjectExpr>(Construct));
  // A prvalue of T initializes the object itself, either way.
  if (!Conversion && E->isPRValue() &&
      E->getType()->getAsCXXRecordDecl() == Record)
    return true;
  const Expr *Source = E;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    Source = Cast->getSubExpr();
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(Source->IgnoreImplicit()))
    if (Construct->getNumArgs() >= 1)
      Source = Construct->getArg(0);
  const CXXRecordDecl *From = Source->getType()->getAsCXXRecordDecl();
  if (From && From != Record)
    return false;
  for (const Decl *D : Record->decls()) {
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      D = Template->getTemplatedDecl();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
      if (Ctor->getExplicitSpecifier().getKind() !=
          ExplicitSpecKind::ResolvedFalse)
        return false;
    if (isa<UsingDecl, ConstructorUsingShadowDecl>(D))
      return false;
  }
  return true;
}

bool convertsByFunction(const Expr *E) {
  while (true) {
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (Cast->getCastKind() == CK_UserDefinedConversion)
        return true;
      E = Cast->getSubExpr();
    } else
      return false;
  }
}

bool isCopyable(QualType T) {
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition() || T->isDependentType())
    return true;
  if (Record->needsImplicitCopyConstructor())
    return !Record->defaultedCopyConstructorIsDeleted();
  for (const CXXConstructorDecl *Ctor : Record->ctors()) {
    unsigned Quals = 0;
    if (Ctor->isCopyConstructor(Quals) && !Ctor->isDeleted() &&
        (Quals & Qualifiers::Const))
      return true;
  }
  return false;
}

} // namespace awaitc
