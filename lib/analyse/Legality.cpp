//===- Legality.cpp - What no lowering could transform correctly ----------===//
//
// See Legality.h.
//
//===----------------------------------------------------------------------===//
#include "analyse/Legality.h"
#include "analyse/Conversions.h"
#include "analyse/LambdaUses.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace awaitc {
namespace {

bool checkCaptures(const LambdaExpr &L, Diagnoser &Diag);

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

  /// The statements and expressions that cannot hold a suspension.
  bool checkSuspending(const Stmt *S);

  const BodyAnalysis &A;
  Diagnoser &Diag;
};

bool BodyChecker::checkSuspending(const Stmt *S) {
  // Its branches are discarded or not in each instantiation, and no jump
  // may enter them from outside (see docs/design.md).
  if (const auto *If = dyn_cast<IfStmt>(S); If && If->isConstexpr())
    return fail(If->getBeginLoc(),
                "AWAIT or YIELD inside 'if constexpr' is not supported");
  // Its case labels are re-entered by jumps into the braces.
  if (const auto *Switch = dyn_cast<SwitchStmt>(S);
      Switch && !isa<CompoundStmt>(Switch->getBody()))
    return fail(Switch->getBeginLoc(),
                "a switch that suspends must have a braced body");
  if (const auto *Op = dyn_cast<BinaryConditionalOperator>(S);
      Op && (A.suspends(Op->getTrueExpr()) || A.suspends(Op->getFalseExpr())))
    return fail(Op->getBeginLoc(), "AWAIT in a GNU '?:' without a middle "
                                   "operand is not supported");
  // The handler runs again after each resumption, binding its parameter
  // anew to the exception the frame keeps.
  if (const auto *Handler = dyn_cast<CXXCatchStmt>(S))
    if (const VarDecl *Param = Handler->getExceptionDecl();
        Param && !Param->getType()->isReferenceType())
      return fail(Param->getLocation(),
                  "catch the exception by reference in a handler that "
                  "suspends; a copy caught by value would be made again at "
                  "each resumption");
  return true;
}

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
  if (A.suspends(S) && !checkSuspending(S))
    return false;
  for (const Stmt *Child : S->children())
    if (!isa_and_nonnull<LambdaExpr>(Child))
      if (!check(Child))
        return false;
  return true;
}

/// What the frame must hold that it cannot: the values a generator yields
/// are its own, the frame holds one member per parameter pack, and an
/// annotated lambda's frame copies its copy captures.
bool checkSignature(const AnnotatedFunction &F, Diagnoser &Diag) {
  const FunctionDecl &Fn = *F.Function;
  if (F.Kind != CoroutineKind::Async && F.ResultType->isReferenceType()) {
    Diag.error(Fn.getLocation(),
               F.Kind == CoroutineKind::AsyncGenerator
                   ? "async generators of references are not supported; "
                     "yield values or pointers"
                   : "generators of references are not supported yet; yield "
                     "values or pointers");
    return false;
  }
  if (F.Lambda && !checkCaptures(*F.Lambda, Diag))
    return false;
  const ParmVarDecl *Pack = nullptr;
  for (const ParmVarDecl *P : Fn.parameters()) {
    if (P->getName().empty() || !P->isParameterPack())
      continue;
    if (Pack) {
      Diag.error(P->getLocation(),
                 "awaitc supports one function parameter pack, not several");
      return false;
    }
    Pack = P;
  }
  return true;
}

bool checkCaptures(const LambdaExpr &L, Diagnoser &Diag) {
  for (const LambdaCapture &Capture : L.captures()) {
    if (Capture.capturesThis())
      continue;
    const auto *VD = dyn_cast_or_null<VarDecl>(
        Capture.capturesVariable() ? Capture.getCapturedVar() : nullptr);
    if (!VD || Capture.isPackExpansion()) {
      // (A variable-length array's bound has no capture of its own to
      // point at: the lambda's introducer stands for it.)
      Diag.error(VD ? Capture.getLocation() : L.getIntroducerRange().getBegin(),
                 VD ? "an annotated lambda cannot capture the pack '" +
                          VD->getNameAsString() +
                          "' yet; pass the values as parameters"
                    : std::string("an annotated lambda cannot capture a "
                                  "variable-length array"));
      return false;
    }
    QualType Object = VD->getType().getNonReferenceType();
    bool ByCopy = VD->isInitCapture() ? !VD->getType()->isReferenceType()
                                      : Capture.getCaptureKind() == LCK_ByCopy;
    if (ByCopy && (Object->isArrayType() || !isCopyable(Object))) {
      Diag.error(Capture.getLocation(),
                 "an annotated lambda copies '" + VD->getNameAsString() +
                     "' into each call's state machine, but it cannot be "
                     "copied; capture it by reference, or pass it as a "
                     "parameter");
      return false;
    }
  }
  return true;
}

} // namespace

bool checkBody(const BodyAnalysis &Analysis, Diagnoser &Diag) {
  if (!BodyChecker(Analysis, Diag).check(Analysis.body()))
    return false;
  for (const LambdaUses &Uses : Analysis.movedLambdas())
    if (!checkMovable(Uses, Diag))
      return false;
  return checkSignature(Analysis.function(), Diag);
}

} // namespace awaitc
