//===- Spilling.cpp - Operands evaluated before a suspension --------------===//
//
// The spiller: an operand that C++ evaluates before a later suspension in
// the same expression is evaluated into a frame slot first (a callee and
// its object, a value, a temporary), unless nothing can change it.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

/// The object of a member call `obj.m` / `p->m` (resolved, overloaded or
/// dependent), or null.
static const Expr *memberCallObject(const Expr *Callee) {
  Callee = Callee->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee))
    return isa<CXXMethodDecl>(Member->getMemberDecl()) ? Member->getBase()
                                                       : nullptr;
  if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(Callee))
    return Member->isImplicitAccess() ? nullptr : Member->getBase();
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Member->isImplicitAccess() ? nullptr : Member->getBase();
  return nullptr;
}

/// Whether \p Callee, an operand that is a bound member function (which has
/// no type C++ can name), is an implicit member access `m` in a member.
static bool isImplicitMemberCallee(const Expr *Callee) {
  Callee = Callee->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee))
    return Member->isImplicitAccess();
  if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(Callee))
    return Member->isImplicitAccess();
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Member->isImplicitAccess();
  return false;
}

void FunctionLowering::spillCallee(const Expr *Callee, FullExpr &FE,
                                   std::vector<Edit> &Edits) {
  // A callee is evaluated before the arguments. What it denotes is kept
  // across their suspensions: the object of a member call (not the bound
  // member, which has no type), the operands of `.*`/`->*`, a function
  // pointer or function object; a name denotes the same entity later.
  auto Keep = [&](const Expr *E) {
    auto R = exprRange(E);
    if (!R) {
      fail(E->getBeginLoc(), "awaitc cannot rewrite this call");
      return;
    }
    if (isStable(E) || isImplicitMemberCallee(E)) {
      std::string Text = rewrite(E);
      if (Text != Src.text(*R))
        Edits.push_back({*R, Text});
      return;
    }
    Edits.push_back({*R, spillOperand(E, FE)});
  };
  if (isImplicitMemberCallee(Callee))
    return Keep(Callee);
  if (const Expr *Object = memberCallObject(Callee)) {
    // `ptr->m`, `ptr` a class with operator->: the text of the operator
    // call is `ptr->`; the object keeps it, operator-> runs after the
    // arguments.
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Object))
      if (Arrow->getOperator() == OO_Arrow)
        return Keep(Arrow->getArg(0));
    // The member's own name (and explicit template arguments) stay.
    return Keep(Object);
  }
  if (const auto *PtrMem = dyn_cast<BinaryOperator>(Callee->IgnoreParens()))
    if (PtrMem->isPtrMemOp()) {
      Keep(PtrMem->getLHS());
      Keep(PtrMem->getRHS());
      return;
    }
  // An immediately invoked lambda: creating the closure later, after the
  // arguments, is the same unless it copies something the arguments may
  // change while suspended.
  const Expr *Bare = Callee->IgnoreImplicit();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Bare))
    Bare = Temp->getSubExpr()->IgnoreImplicit();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Bare)) {
    // A lambda moved into a factory has a closure type the frame can name.
    if (Factories.count(Lambda))
      return Keep(Callee);
    // A copy that cannot differ later: of a const object, or an
    // init-capture of a constant (`[k = 3]`).
    auto Unchanging = [&](const VarDecl *Var) {
      if (!Var->isInitCapture())
        return Var->getType().isConstQualified() &&
               !Var->getType().isVolatileQualified();
      const Expr *Init = Var->getInit();
      return Init && !Init->isValueDependent() && !Init->isTypeDependent() &&
             Init->isEvaluatable(Ctx);
    };
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() &&
          (Capture.getCaptureKind() == LCK_ByCopy ||
           cast<VarDecl>(Capture.getCapturedVar())->isInitCapture()) &&
          !Unchanging(cast<VarDecl>(Capture.getCapturedVar()))) {
        // The closure is made now, by a factory, and kept in the frame.
        if (planKeptClosure(Lambda))
          Keep(Callee);
        return;
      }
    if (auto R = exprRange(Callee)) {
      std::string Text = rewrite(Callee);
      if (Text != Src.text(*R))
        Edits.push_back({*R, Text});
    }
    return;
  }
  Keep(Callee);
}

bool FunctionLowering::isStable(const Expr *E) const {
  // Evaluating these early or late gives the same result: constants, and
  // names of objects (not their values, which a suspension may change).
  E = E->IgnoreParens();
  if (isa<IntegerLiteral, FloatingLiteral, CharacterLiteral, StringLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, CXXThisExpr>(E))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl, FunctionDecl, EnumConstantDecl>(Ref->getDecl());
  if (isa<UnresolvedLookupExpr, DependentScopeDeclRefExpr>(E))
    return true; // a name, in a template
  if (const auto *Expansion = dyn_cast<PackExpansionExpr>(E))
    return isStable(Expansion->getPattern()); // `args...`
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    switch (Cast->getCastKind()) {
    case CK_FunctionToPointerDecay:
    case CK_ArrayToPointerDecay:
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
      return isStable(Cast->getSubExpr());
    default:
      return false;
    }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(Member->getMemberDecl()))
      return false;
    if (Member->isArrow())
      return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
    return isStable(Member->getBase());
  }
  return false;
}

std::string FunctionLowering::spillOperand(const Expr *Operand, FullExpr &FE) {
  if (isa<PackExpansionExpr>(Operand->IgnoreParens())) {
    // Its elements would need a slot each.
    fail(Operand->getBeginLoc(),
         "awaitc cannot evaluate this pack expansion before the suspension "
         "that follows it in the expression; store the values in a variable "
         "first");
    return "";
  }
  const Expr *Bare = Operand->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Bare)) {
    if (Cast->getCastKind() != CK_NoOp)
      break;
    Bare = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Bare)) {
    // A temporary object (`make().method(AWAIT(x))`): built in the frame,
    // where it lives until the full-expression ends.
    const Expr *Value = Temp->getSubExpr();
    std::string Text =
        beforeSuspension(FE, [&] { return lowerExpr(Value, FE); });
    // `AWAIT(make()).m(AWAIT(x))`: the awaited result is already in a slot
    // of its own, where it lives until the full-expression ends.
    if (asMarker(Value->IgnoreImplicit()) && FE.MarkersLeft > 0)
      return Text;
    unsigned Slot = addValueSlot("temporary", Value->getType(),
                                 "a temporary that lives across a "
                                 "suspension",
                                 Operand->getBeginLoc(), "", false, Value);
    Step.emit(Operand->getBeginLoc(), constructFrom(Slot, Text));
    becameLive(Slot);
    FE.Temps.push_back(Slot);
    return "std::move(" + Model.Slots[Slot].Name + ")";
  }
  std::string Text =
      beforeSuspension(FE, [&] { return lowerExpr(Operand, FE); });
  // In a template, a temporary of the instantiations is kept in its own
  // slot, where it lives until the full-expression ends: built now.
  if (auto R = exprRange(Bare))
    if (auto Kept = KeptSlots.find({R->Begin, R->End});
        Kept != KeptSlots.end()) {
      Step.emit(Operand->getBeginLoc(), Text + ";");
      return "std::move(" + Model.Slots[Kept->second].Name + ")";
    }
  return spill(Operand, Text, FE);
}

std::optional<ExprValueKind>
FunctionLowering::instantiatedValueKind(const Expr *E) const {
  std::optional<ExprValueKind> Kind;
  for (const FunctionDecl *Instance : instantiationsOf(Fn)) {
    const Expr *Same = findSpelledAs(Instance->getBody(), E->getSourceRange());
    if (!Same || (Kind && *Kind != Same->getValueKind()))
      return std::nullopt;
    Kind = Same->getValueKind();
  }
  return Kind;
}

std::string FunctionLowering::spill(const Expr *E, const std::string &Text,
                                    FullExpr &FE) {
  QualType T = E->getType();
  // In a template Clang calls what it cannot resolve yet a prvalue; an
  // object the instantiations refer to is kept by address, not copied.
  ExprValueKind Kind = E->getValueKind();
  if (E->isTypeDependent())
    if (auto Instantiated = instantiatedValueKind(E))
      Kind = *Instantiated;
  if (Kind == VK_PRValue) {
    if (T->isVoidType()) {
      Step.emit(E->getBeginLoc(), Text + ";");
      return "void()";
    }
    unsigned Slot = addValueSlot("temporary", T,
                                 "a value computed before "
                                 "a suspension",
                                 E->getBeginLoc(), "", false, E);
    Step.emit(E->getBeginLoc(), constructFrom(Slot, Text));
    becameLive(Slot);
    FE.Temps.push_back(Slot);
    return slotValue(Slot, E);
  }
  if (E->refersToBitField()) {
    fail(E->getBeginLoc(), "awaitc cannot keep a reference to a bit-field "
                           "across a suspension; copy it first");
    return "";
  }
  unsigned Slot = addPointerSlot("operand", T,
                                 "an object referred to across "
                                 "a suspension",
                                 "", false, E);
  Step.emit(E->getBeginLoc(),
            constructFrom(Slot, addressOf(Text, Kind == VK_XValue)));
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  if (Kind == VK_XValue)
    return "std::move(*" + Model.Slots[Slot].Name + ")";
  return slotValue(Slot, E);
}

std::string FunctionLowering::slotValue(unsigned Slot, const Expr *Of) const {
  const FrameSlot &S = Model.Slots[Slot];
  if (S.Kind == FrameSlot::Storage::Pointer)
    return Of && Of->isXValue() ? "std::move(*" + S.Name + ")"
                                : "(*" + S.Name + ")";
  if (S.Kind == FrameSlot::Storage::Plain)
    return S.Name;
  return "std::move(" + S.Name + ")";
}

} // namespace awaitc
