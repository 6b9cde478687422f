//===- Instantiations.cpp - What a template's instantiations do -----------===//
//
// See Instantiations.h.
//
//===----------------------------------------------------------------------===//
#include "analyse/Instantiations.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace awaitc {

void collectExtended(const Stmt *S, const ValueDecl *D,
                     SmallVectorImpl<const MaterializeTemporaryExpr *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(S))
    if (Temp->getExtendingDecl() == D)
      Out.push_back(Temp);
  for (const Stmt *Child : S->children())
    collectExtended(Child, D, Out);
}

bool pathTo(const Stmt *From, const Stmt *To,
            SmallVectorImpl<const Stmt *> &Path) {
  if (!From)
    return false;
  Path.push_back(From);
  if (From == To)
    return true;
  for (const Stmt *Child : From->children())
    if (pathTo(Child, To, Path))
      return true;
  Path.pop_back();
  return false;
}

namespace {
/// The variables declared at \p Loc named \p Name in \p S.
void findVars(const Stmt *S, SourceLocation Loc, StringRef Name,
              SmallVectorImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getLocation() == Loc && Var->getName() == Name)
          Out.push_back(Var);
  for (const Stmt *Child : S->children())
    findVars(Child, Loc, Name, Out);
}
} // namespace

SmallVector<const FunctionDecl *, 4> instantiationsOf(const FunctionDecl &Fn) {
  SmallVector<const FunctionDecl *, 4> Out;
  const FunctionTemplateDecl *Template = Fn.getDescribedFunctionTemplate();
  if (Template)
    for (const FunctionDecl *Instance : Template->specializations())
      Out.push_back(Instance);
  const auto *Record = dyn_cast<CXXRecordDecl>(Fn.getDeclContext());
  const ClassTemplateDecl *Class =
      Record ? Record->getDescribedClassTemplate() : nullptr;
  if (!Class)
    return Out;
  for (const ClassTemplateSpecializationDecl *Spec : Class->specializations())
    for (const Decl *D : Spec->decls()) {
      if (const auto *Method = dyn_cast<FunctionDecl>(D)) {
        if (Method->getTemplateInstantiationPattern() == &Fn)
          Out.push_back(Method);
      } else if (const auto *Member = dyn_cast<FunctionTemplateDecl>(D)) {
        if (Template && Member->getInstantiatedFromMemberTemplate() == Template)
          for (const FunctionDecl *Instance : Member->specializations())
            Out.push_back(Instance);
      }
    }
  return Out;
}

SmallVector<const VarDecl *, 4> instantiatedVars(const FunctionDecl &Fn,
                                                 const VarDecl *Var) {
  SmallVector<const VarDecl *, 4> Out;
  for (const FunctionDecl *Instance : instantiationsOf(Fn))
    findVars(Instance->getBody(), Var->getLocation(), Var->getName(), Out);
  return Out;
}

bool extendsInInstantiation(const FunctionDecl &Fn, const VarDecl *Var) {
  if (!Var)
    return false;
  return llvm::any_of(instantiatedVars(Fn, Var), [](const VarDecl *Each) {
    SmallVector<const MaterializeTemporaryExpr *, 2> Temps;
    collectExtended(Each->getInit(), Each, Temps);
    return !Temps.empty();
  });
}

bool bindsWholeValue(const FunctionDecl &Fn, const VarDecl *Var,
                     const Expr *Init) {
  const Expr *Top = Init->IgnoreParens();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Top))
    Top = Cleanups->getSubExpr()->IgnoreParens();
  // (A variable is an lvalue: there is nothing to hold.)
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Top);
      Ref && isa<VarDecl>(Ref->getDecl()))
    return false;
  if (isa<MemberExpr, CXXDependentScopeMemberExpr, ArraySubscriptExpr,
          AbstractConditionalOperator, CXXNamedCastExpr, CStyleCastExpr>(Top))
    return false;
  if (const auto *Op = dyn_cast<BinaryOperator>(Top))
    if (Op->isCommaOp() || Op->isPtrMemOp())
      return false;
  if (!Var)
    return true;
  for (const VarDecl *Each : instantiatedVars(Fn, Var)) {
    SmallVector<const MaterializeTemporaryExpr *, 2> Temps;
    collectExtended(Each->getInit(), Each, Temps);
    if (Temps.empty())
      continue;
    if (Temps.size() > 1)
      return false;
    SmallVector<const Stmt *, 8> Path;
    pathTo(Each->getInit(), Temps.front(), Path);
    for (const Stmt *S : ArrayRef<const Stmt *>(Path).drop_back()) {
      const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
      if (!isa<ExprWithCleanups, ParenExpr>(S) &&
          !(Cast && (Cast->getCastKind() == CK_NoOp ||
                     Cast->getCastKind() == CK_DerivedToBase ||
                     Cast->getCastKind() == CK_UncheckedDerivedToBase)))
        return false;
    }
    const Expr *Value = Temps.front()->getSubExpr();
    while (true) {
      Value = Value->IgnoreParens();
      if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
        Value = Bind->getSubExpr();
      else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Value);
               Cast && Cast->getCastKind() == CK_NoOp)
        Value = Cast->getSubExpr(); // `const int &r = int_value`
      else
        break;
    }
    if (isa<ImplicitCastExpr>(Value))
      return false; // a converted copy: `const long &r = int_value`
  }
  return true;
}

const BindingDecl *bitFieldBindingIn(const FunctionDecl &Fn,
                                     const DecompositionDecl *Bindings) {
  for (const VarDecl *Each : instantiatedVars(Fn, Bindings))
    if (const auto *Instantiated = dyn_cast<DecompositionDecl>(Each))
      for (const BindingDecl *B : Instantiated->bindings())
        if (const auto *Member = dyn_cast_or_null<MemberExpr>(
                B->getBinding() ? B->getBinding()->IgnoreImplicit() : nullptr))
          if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
              Field && Field->isBitField())
            return B;
  return nullptr;
}

} // namespace awaitc
