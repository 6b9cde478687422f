//===- LowerExpressions.cpp - Expressions with a suspension inside --------===//
//
// An expression with a marker in it, split into statements in an order C++
// allows: the AWAIT itself, the operators that may skip an operand (`&&`,
// `||`, `?:`), and the end of a full-expression.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

// --- Expressions -------------------------------------------------------------

static std::vector<const Expr *> operandsOf(const Expr *E);

std::string FunctionLowering::lowerExpr(const Expr *E, FullExpr &FE) {
  if (Failed || !E)
    return "";
  if (!A.suspends(E))
    return rewrite(E);
  if (const CallExpr *Marker = asMarker(E)) {
    if (markerKindOf(*Marker) == MarkerKind::Yield) {
      fail(Marker->getBeginLoc(),
           "YIELD must be a statement of its own, not part of an expression");
      return "";
    }
    if (markerKindOf(*Marker) == MarkerKind::AwaitEach) {
      fail(Marker->getBeginLoc(), "AWAIT_EACH can only be the range of a "
                                  "range-based for loop");
      return "";
    }
    return lowerAwait(Marker, FE);
  }
  if (isa<LambdaExpr, StmtExpr, BlockExpr, CXXDefaultArgExpr,
          CXXDefaultInitExpr>(E)) {
    fail(E->getBeginLoc(), "awaitc cannot transform a suspension here");
    return "";
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    if (KeepTemporariesIn && !Temp->getExtendingDecl() &&
        !Temp->getType()->isArrayType()) {
      // `AWAIT(use(std::vector<int>{AWAIT(one()), 2}))`: the temporary
      // must outlive the suspension that follows it.
      std::string Value = lowerExpr(Temp->getSubExpr(), FE);
      if (Failed)
        return "";
      return keepTemporary(Temp, [&] { return Value; });
    }
  if (KeepTemporariesIn) {
    // `AWAIT(use(std::vector<T>{x, AWAIT(one())}))` in a template.
    std::optional<bool> Kept = isInstantiatedTemporary(E);
    if (!Kept)
      return "";
    if (*Kept) {
      std::string Value = lowerOperation(E, FE);
      if (Failed)
        return "";
      return keepTemporary(E, [&] { return Value; });
    }
  }
  return lowerOperation(E, FE);
}

std::string FunctionLowering::lowerOperation(const Expr *E, FullExpr &FE) {
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->isLogicalOp() && A.suspends(Op->getRHS()))
      return lowerShortCircuit(Op, FE);
    // `a, b`: a is evaluated, and discarded, before b.
    if (Op->getOpcode() == BO_Comma) {
      // `a, b, c`: each discarded operand in turn, as a statement; a
      // discarded temporary object still dies with the full-expression.
      std::vector<const Expr *> Discarded;
      const Expr *Last = Op;
      while (const auto *Comma =
                 dyn_cast<BinaryOperator>(Last->IgnoreParens())) {
        if (Comma->getOpcode() != BO_Comma)
          break;
        Discarded.push_back(Comma->getRHS());
        Last = Comma->getLHS();
      }
      Discarded.push_back(Last);
      std::reverse(Discarded.begin(), Discarded.end());
      const Expr *Value = Discarded.back();
      Discarded.pop_back();
      for (const Expr *Operand : Discarded) {
        std::string Text =
            beforeSuspension(FE, [&] { return lowerExpr(Operand, FE); });
        if (Operand->isPRValue() && needsDestruction(Operand->getType()))
          spill(Operand, Text, FE);
        else
          Step.emit(Operand->getBeginLoc(), "static_cast<void>(" + Text + ");");
      }
      return lowerExpr(Value, FE);
    }
  }
  if (const auto *Op = dyn_cast<AbstractConditionalOperator>(E))
    if (A.suspends(Op->getTrueExpr()) || A.suspends(Op->getFalseExpr()))
      return lowerConditional(Op, FE);
  auto R = exprRange(E);
  std::vector<Edit> Edits = lowerOperands(E, FE);
  if (!R) {
    // Implicit nodes (conversions, temporaries) have their operand's text;
    // any other node without text of its own (part of it is a macro's
    // text) cannot be re-assembled from its operands' edits.
    std::vector<const Expr *> Operands = operandsOf(E);
    if (Edits.size() == 1 && Operands.size() == 1 &&
        Operands.front()->getSourceRange() == E->getSourceRange())
      if (auto OperandRange = exprRange(Operands.front()))
        if (OperandRange->Begin == Edits.front().Range.Begin &&
            OperandRange->End == Edits.front().Range.End)
          return Edits.front().Text;
    if (!Failed)
      fail(E->getBeginLoc(), "awaitc cannot rewrite this expression");
    return "";
  }
  return splice(*R, std::move(Edits));
}

std::string FunctionLowering::lowerExprInto(const Expr *E, ByteRange Outer,
                                            FullExpr &FE) {
  if (!A.suspends(E))
    return rewriteRange(Outer, E);
  auto R = exprRange(E);
  if (R &&
      (asMarker(E) ||
       isa<BinaryOperator, AbstractConditionalOperator>(E->IgnoreImplicit())) &&
      Outer.contains(*R)) {
    std::string Text = lowerExpr(E, FE);
    return splice(Outer, {{*R, Text}});
  }
  const Expr *Inner = E;
  // Look through the implicit nodes whose text is the whole initializer.
  while (true) {
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Inner))
      Inner = Cleanups->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Inner))
      Inner = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Inner))
      Inner = Cast->getSubExpr();
    else
      break;
  }
  R = exprRange(Inner);
  if (R && Outer.contains(*R) &&
      !isa<CXXConstructExpr, InitListExpr, ParenListExpr>(Inner)) {
    std::string Text = lowerExpr(Inner, FE);
    return splice(Outer, {{*R, Text}});
  }
  return splice(Outer, lowerOperands(Inner, FE));
}

Sequencing FunctionLowering::sequencingOf(const Expr *E) const {
  if (const auto *Op = dyn_cast<BinaryOperator>(E)) {
    if (Op->isAssignmentOp())
      return Sequencing::RightToLeft;
    switch (Op->getOpcode()) {
    case BO_Shl:
    case BO_Shr:
    case BO_Comma:
    case BO_LAnd:
    case BO_LOr:
    case BO_PtrMemD:
    case BO_PtrMemI:
      return Sequencing::LeftToRight;
    default:
      return Sequencing::Unsequenced;
    }
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    // An overloaded operator keeps the built-in operator's sequencing.
    switch (Op->getOperator()) {
    case OO_Equal:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_PercentEqual:
    case OO_CaretEqual:
    case OO_AmpEqual:
    case OO_PipeEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
      return Sequencing::RightToLeft;
    case OO_LessLess:
    case OO_GreaterGreater:
    case OO_Comma:
    case OO_AmpAmp:
    case OO_PipePipe:
    case OO_Subscript:
    case OO_ArrowStar:
      return Sequencing::LeftToRight;
    case OO_Call:
      return Sequencing::CalleeFirst;
    default:
      return Sequencing::Unsequenced;
    }
  }
  if (isa<ArraySubscriptExpr>(E))
    return Sequencing::LeftToRight;
  if (isa<CallExpr>(E))
    return Sequencing::CalleeFirst;
  if (isa<InitListExpr>(E))
    return Sequencing::LeftToRight;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->isListInitialization() ? Sequencing::LeftToRight
                                             : Sequencing::Unsequenced;
  return Sequencing::Unsequenced;
}

/// The operands of \p E that the lowering may have to rewrite, in source
/// order. For an overloaded operator the callee is the operator token.
static std::vector<const Expr *> operandsOf(const Expr *E) {
  std::vector<const Expr *> Operands;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    for (const Expr *Arg : Op->arguments())
      Operands.push_back(Arg);
    return Operands;
  }
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      Operands.push_back(ChildExpr);
  return Operands;
}

std::vector<Edit> FunctionLowering::lowerOperands(const Expr *E, FullExpr &FE) {
  std::vector<Edit> Edits;
  std::vector<const Expr *> Operands = operandsOf(E);
  Sequencing Order = sequencingOf(E);
  std::vector<size_t> Evaluation(Operands.size());
  for (size_t I = 0; I < Operands.size(); ++I)
    Evaluation[I] = I;
  if (Order == Sequencing::RightToLeft)
    std::reverse(Evaluation.begin(), Evaluation.end());

  // Operands sequenced before the last one that suspends must be evaluated
  // (into frame slots) before that suspension; the others may be evaluated
  // after it, in the final expression.
  size_t LastSuspending = Operands.size();
  for (size_t Pos = 0; Pos < Evaluation.size(); ++Pos)
    if (A.suspends(Operands[Evaluation[Pos]]))
      LastSuspending = Pos;
  bool AnyArgumentSuspends = false;
  if (Order == Sequencing::CalleeFirst)
    for (size_t I = 1; I < Operands.size(); ++I)
      AnyArgumentSuspends |= A.suspends(Operands[I]);

  for (size_t Pos = 0; Pos < Evaluation.size() && !Failed; ++Pos) {
    size_t I = Evaluation[Pos];
    const Expr *Operand = Operands[I];
    bool Early = false;
    if (Order == Sequencing::LeftToRight || Order == Sequencing::RightToLeft)
      Early = LastSuspending != Operands.size() && Pos < LastSuspending;
    if (Order == Sequencing::CalleeFirst && I == 0)
      Early = AnyArgumentSuspends;
    if (Early && isStable(Operand))
      Early = false;
    if (!Early && !A.suspends(Operand)) {
      // Evaluated in place, as written, but with the edits every copied
      // piece of code gets (renamed locals, references through pointers).
      if (auto R = exprRange(Operand)) {
        std::string Text = rewrite(Operand);
        if (Text != Src.text(*R))
          Edits.push_back({*R, Text});
      }
      continue;
    }
    auto R = exprRange(Operand);
    if (Early && Order == Sequencing::CalleeFirst && I == 0) {
      spillCallee(Operand, FE, Edits);
      continue;
    }
    if (!R) {
      fail(Operand->getBeginLoc(),
           "awaitc cannot rewrite this operand: its text is not in this "
           "file (is it inside a macro?)");
      return Edits;
    }
    std::string Text =
        Early ? spillOperand(Operand, FE) : lowerExpr(Operand, FE);
    Edits.push_back({*R, Text});
  }
  return Edits;
}

std::string FunctionLowering::lowerAwait(const CallExpr *Marker, FullExpr &FE) {
  const Expr *Arg = Marker->getArg(0);
  // The awaitable as written: the awaiter takes it over, so the temporary
  // the marker's reference parameter would make is not needed.
  const Expr *Written = Arg->IgnoreImplicit();
  std::string Awaitable =
      beforeSuspension(FE, [&] { return lowerExpr(Written, FE); });
  if (FE.MarkersLeft > 0)
    --FE.MarkersLeft;
  bool Last = FE.MarkersLeft == 0;
  SourceLocation Loc = Marker->getBeginLoc();

  std::string ArgType;
  if (Written->isTypeDependent()) {
    // decltype((e)) is T&, T&& or T for an lvalue, xvalue or prvalue.
    ArgType = "decltype((" + plainText(Written) + "))";
  } else {
    ArgType = printType(Written->getType(), Loc);
    if (Written->isLValue())
      ArgType += "&";
    else if (Written->isXValue())
      ArgType += "&&";
  }
  std::string AwaiterType = "awaitc::detail::awaiter_t<" + ArgType + ">";
  int State = addState(Marker);
  FrameSlot Awaiter;
  Awaiter.Name = Names.fresh("await_" + std::to_string(State));
  Awaiter.Type = AwaiterType;
  Awaiter.Kind = FrameSlot::Storage::Manual;
  Awaiter.NeedsDestruction = true;
  Awaiter.Comment = "awaiter of the AWAIT on line " +
                    std::to_string(Src.line(Src.offset(Loc)));
  unsigned Slot = addSlot(Awaiter);
  Step.emit(Loc, "::new (awaitc::detail::storage_of(" + Awaiter.Name + ")) " +
                     AwaiterType + "(awaitc::detail::get_awaiter(" + Awaitable +
                     "));");
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  // The state records what is alive while suspended here, the awaiter too.
  Model.States[State - 1].Live = Live;
  emitSuspension(State,
                 "this->awaitc_suspend_at(" + std::to_string(State) + ", " +
                     Awaiter.Name + ")",
                 Loc);

  std::string Result = Awaiter.Name + ".await_resume()";
  if (Last)
    return Result;
  // Another suspension follows in this full-expression: take the result
  // now, so that an exception surfaces here, in C++'s order.
  if (Marker->getType()->isVoidType()) {
    Step.emit(Loc, Result + ";");
    return "void()";
  }
  return spill(Marker, Result, FE);
}

std::string FunctionLowering::lowerShortCircuit(const BinaryOperator *Op,
                                                FullExpr &FE) {
  bool IsAnd = Op->getOpcode() == BO_LAnd;
  std::string Left =
      beforeSuspension(FE, [&] { return lowerExpr(Op->getLHS(), FE); });
  unsigned Slot = addValueSlot("condition", Ctx.BoolTy,
                               std::string("result of ") +
                                   (IsAnd ? "&&" : "||") + " that awaits",
                               Op->getOperatorLoc());
  std::string Name = Model.Slots[Slot].Name;
  Step.emit(Op->getOperatorLoc(),
            Name + " = " +
                contextuallyConverted(Op->getLHS(), Left, Ctx.BoolTy) + ";");
  // The right operand runs only when needed.
  Step.open(/*GuardsGoToParent=*/true);
  std::string RightText = lowerSkippable(Op->getRHS(), FE);
  Step.emit(Op->getRHS()->getBeginLoc(),
            Name + " = " +
                contextuallyConverted(Op->getRHS(), RightText, Ctx.BoolTy) +
                ";");
  Step.emit(Op->getOperatorLoc(), std::string("if (") + (IsAnd ? "" : "!") +
                                      Name + ") " + closeBlock());
  return Name;
}

std::string
FunctionLowering::lowerConditional(const AbstractConditionalOperator *Op,
                                   FullExpr &FE) {
  assert(!isa<BinaryConditionalOperator>(Op) && "checkBody() refuses it");
  std::string Cond =
      beforeSuspension(FE, [&] { return lowerExpr(Op->getCond(), FE); });
  QualType T = Op->getType();
  std::optional<unsigned> Slot;
  if (!T->isVoidType()) {
    Slot = Op->isPRValue()
               ? addValueSlot("choice", T, "result of ?: that awaits",
                              Op->getBeginLoc(), "", false, Op)
               : addPointerSlot("choice", T, "result of ?: that awaits", "",
                                false, Op);
  }
  auto Branch = [&](const Expr *E) {
    Step.open(/*GuardsGoToParent=*/true);
    std::string Value = lowerSkippable(E, FE);
    if (!Slot)
      Step.emit(E->getBeginLoc(), Value + ";");
    else if (Op->isPRValue())
      Step.emit(E->getBeginLoc(), constructFrom(*Slot, Value));
    else
      Step.emit(E->getBeginLoc(),
                constructFrom(*Slot, "std::addressof(" + Value + ")"));
    if (Slot && !Model.Slots[*Slot].Guard.empty())
      Step.emit(E->getBeginLoc(), Model.Slots[*Slot].Guard + ".arm();");
    return closeBlock();
  };
  StepCode True = Branch(Op->getTrueExpr());
  StepCode False = Branch(Op->getFalseExpr());
  Step.emit(Op->getBeginLoc(), "if (" + Cond + ") " + True + " else " + False);
  if (!Slot)
    return "void()";
  Live.push_back(*Slot);
  FE.Temps.push_back(*Slot);
  return slotValue(*Slot, Op);
}

std::string FunctionLowering::lowerSkippable(const Expr *E, FullExpr &FE) {
  // The operand is lowered as statements of its own (in a block that
  // declares no guards), but its temporaries belong to the whole
  // full-expression: C++ destroys them at its end, if they were created.
  unsigned Markers = A.countMarkers(E);
  FE.MarkersLeft -= std::min(FE.MarkersLeft, Markers);
  FullExpr Operand;
  Operand.MarkersLeft = Markers;
  ++ConditionalArms;
  std::string Text =
      beforeSuspension(Operand, [&] { return lowerExpr(E, Operand); });
  --ConditionalArms;
  FE.Temps.insert(FE.Temps.end(), Operand.Temps.begin(), Operand.Temps.end());
  return Text;
}

bool FunctionLowering::maySkip(const Expr *E) const {
  const Stmt *Child = E;
  for (const Stmt *P = A.parent(E); P && isa<Expr>(P) && !isa<LambdaExpr>(P);
       Child = P, P = A.parent(P)) {
    if (const auto *Op = dyn_cast<AbstractConditionalOperator>(P))
      if (Child == Op->getFalseExpr() ||
          (isa<ConditionalOperator>(Op) && Child == Op->getTrueExpr()))
        return true;
    if (const auto *Op = dyn_cast<BinaryOperator>(P))
      if (Op->isLogicalOp() && Child == Op->getRHS())
        return true;
  }
  return false;
}

std::string
FunctionLowering::keepTemporary(const Expr *Temp,
                                llvm::function_ref<std::string()> Value) {
  // Constructed in the frame where it stands, destroyed when the
  // full-expression ends (after the suspension), as C++ says.
  const Expr *Of = Temp;
  if (const auto *Materialized = dyn_cast<MaterializeTemporaryExpr>(Temp))
    Of = Materialized->getSubExpr();
  if (!planKeptClosure(Of))
    return "";
  // The initializer first: temporaries within it are constructed before
  // this one, and the slots' guards are declared in the order of
  // construction, so that an exception destroys them in reverse.
  std::string Initializer = Value();
  unsigned Slot = addValueSlot(
      "temporary", Of->getType().getUnqualifiedType(),
      "a temporary that lives across a suspension", Temp->getBeginLoc(), "",
      false, Of);
  if (maySkip(Temp))
    makeConditional(Slot);
  std::string Make = "[&]() -> " + Model.Slots[Slot].Type + " { return " +
                     Initializer + "; }";
  const FrameSlot &Kept = Model.Slots[Slot];
  if (auto R = exprRange(Temp))
    KeptSlots[{R->Begin, R->End}] = Slot;
  KeepTemporariesIn->Temps.push_back(Slot);
  if (Kept.NeedsDestruction)
    Live.push_back(Slot);
  if (!Kept.Guard.empty())
    return Kept.Guard + ".keep(" + Make + ")";
  return "awaitc::detail::keep_temporary(" + Kept.Name + ", " + Make + ")";
}

void FunctionLowering::endFullExpr(FullExpr &FE) {
  for (auto It = FE.Temps.rbegin(); It != FE.Temps.rend(); ++It) {
    std::string Destroy = destroyNow(*It);
    if (!Destroy.empty())
      Step.glue(Destroy);
  }
  FE.Temps.clear();
}

} // namespace awaitc
