//===- Legality.cpp - What no lowering could transform correctly ----------===//
//
// See Legality.h.
//
//===----------------------------------------------------------------------===//
#include "analyse/Legality.h"
#include "analyse/LambdaUses.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace awaitc {
namespace {

class BodyChecker {
public:
  BodyChecker(const BodyAnalysis &A, Diagnoser &Diag) : A(A), Diag(Diag) {}

  /// False after diagnosing the first problem in \p S.
  bool check(const Stmt *S);

private:
  bool fail(SourceLocation Loc, llvm::StringRef Message) {
    Diag.error(Loc, Message);
    return false;
  }

  const BodyAnalysis &A;
  Diagnoser &Diag;
};

bool BodyChecker::check(const Stmt *S) {
  if (!S)
    return true;
  if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
    const LabelStmt *Label = Goto->getLabel()->getStmt();
    // Entering a block that holds a suspension point skips its guards and
    // dispatch, which C++ forbids (they are declarations).
    for (const Stmt *P = A.parent(Label); P && P != A.body(); P = A.parent(P))
      if (A.suspends(P) && !A.isWithin(Goto, P) &&
          isa<CompoundStmt, IfStmt, WhileStmt, DoStmt, ForStmt, CXXForRangeStmt,
              SwitchStmt, CXXTryStmt, CXXCatchStmt>(P)) {
        Diag.error(Goto->getGotoLoc(), "a goto into a block that holds a "
                                       "suspension point is not supported");
        Diag.note(Label->getIdentLoc(), "the label is here");
        return false;
      }
  }
  if (isa<IndirectGotoStmt, AddrLabelExpr>(S))
    return fail(S->getBeginLoc(), "computed goto cannot be used in an "
                                  "annotated function");
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (const IdentifierInfo *II = Callee->getIdentifier()) {
        StringRef Name = II->getName();
        if (Name == "setjmp" || Name == "_setjmp" || Name == "sigsetjmp" ||
            Name == "__sigsetjmp")
          return fail(Call->getBeginLoc(),
                      "setjmp cannot be used in an annotated function: the "
                      "context it saves does not survive a suspension");
      }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (A.isHoisted(VD) && VD->getType()->isVariablyModifiedType())
          return fail(VD->getLocation(), "a variable-length array cannot "
                                         "live across a suspension");
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<LambdaExpr>(Child))
      if (!check(Child))
        return false;
  return true;
}

} // namespace

bool checkBody(const BodyAnalysis &Analysis, Diagnoser &Diag) {
  if (!BodyChecker(Analysis, Diag).check(Analysis.body()))
    return false;
  for (const LambdaUses &Uses : Analysis.movedLambdas())
    if (!checkMovable(Uses, Diag))
      return false;
  return true;
}

} // namespace awaitc
