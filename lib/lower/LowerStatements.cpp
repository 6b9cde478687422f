//===- LowerStatements.cpp - Statements and their control flow ------------===//
//
// Each statement form with a suspension inside, re-assembled around it:
// blocks, if, the loops (AWAIT_EACH among them) and switch.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

// --- Statements -------------------------------------------------------------

void FunctionLowering::lowerChildren(const CompoundStmt *CS) {
  for (const Stmt *Child : CS->body())
    lowerStmt(Child);
}

void FunctionLowering::lowerStmt(const Stmt *S) {
  if (Failed || !S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return lowerDeclStmt(DS);
  if (!needsLowering(S)) {
    auto R = statementRange(S);
    if (!R)
      return fail(S->getBeginLoc(), "awaitc cannot copy this statement: it "
                                    "is not contiguous text in this file "
                                    "(inside a macro?)");
    return Step.emit(S->getBeginLoc(), rewriteRange(*R, S));
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    return Step.emit(S->getBeginLoc(), lowerAsBlock(S));
  case Stmt::IfStmtClass:
    return lowerIf(cast<IfStmt>(S));
  case Stmt::WhileStmtClass:
    return lowerWhile(cast<WhileStmt>(S));
  case Stmt::DoStmtClass:
    return lowerDo(cast<DoStmt>(S));
  case Stmt::ForStmtClass:
    return lowerFor(cast<ForStmt>(S));
  case Stmt::CXXForRangeStmtClass:
    return lowerRangeFor(cast<CXXForRangeStmt>(S));
  case Stmt::SwitchStmtClass:
    return lowerSwitch(cast<SwitchStmt>(S));
  case Stmt::ReturnStmtClass:
    if (const CallExpr *Marker = yieldOf(S))
      return lowerYield(Marker);
    return lowerReturn(cast<ReturnStmt>(S));
  case Stmt::CaseStmtClass: {
    const auto *Case = cast<CaseStmt>(S);
    std::string Label = "case " + rewrite(Case->getLHS());
    if (Case->getRHS())
      Label += " ... " + rewrite(Case->getRHS());
    Step.emit(S->getBeginLoc(), Label + ":;");
    return lowerStmt(Case->getSubStmt());
  }
  case Stmt::DefaultStmtClass:
    Step.emit(S->getBeginLoc(), "default:;");
    return lowerStmt(cast<DefaultStmt>(S)->getSubStmt());
  case Stmt::LabelStmtClass: {
    const auto *Label = cast<LabelStmt>(S);
    Step.emit(S->getBeginLoc(), std::string(Label->getName()) + ":;");
    return lowerStmt(Label->getSubStmt());
  }
  case Stmt::AttributedStmtClass:
    return lowerStmt(cast<AttributedStmt>(S)->getSubStmt());
  case Stmt::CXXTryStmtClass:
    return lowerTry(cast<CXXTryStmt>(S));
  default:
    if (const auto *E = dyn_cast<Expr>(S))
      return lowerExprStmt(E);
    return fail(S->getBeginLoc(), llvm::Twine("AWAIT or YIELD inside a '") +
                                      S->getStmtClassName() +
                                      "' statement is not supported");
  }
}

StepCode FunctionLowering::lowerAsBlock(const Stmt *S) {
  if (!needsLowering(S)) {
    if (auto R = statementRange(S))
      return Step.placementAt(S->getBeginLoc()) + rewriteRange(*R, S);
    fail(S->getBeginLoc(), "awaitc cannot copy this statement: it is not "
                           "contiguous text in this file (inside a macro?)");
    return "";
  }
  Step.open();
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    lowerChildren(CS);
  else
    lowerStmt(S);
  return closeBlock();
}

std::string FunctionLowering::contextuallyConverted(const Expr *E,
                                                    std::string Value,
                                                    QualType To) {
  // A condition or an operand of `&&`/`||` converts as a direct-
  // initialization does, by an explicit conversion function too (`while ((v
  // = AWAIT(gen.next())))` of a std::optional); assigning it to a slot
  // would not, so the conversion is spelled.
  if (convertsByFunction(E) || (E->isTypeDependent() && To->isBooleanType()))
    return "static_cast<" + printType(To, E->getBeginLoc()) + ">(" + Value +
           ")";
  return Value;
}

std::string FunctionLowering::lowerCondition(const Expr *Cond,
                                             const VarDecl *CondVar,
                                             const Stmt *Owner,
                                             QualType SlotType) {
  if (CondVar) {
    const DeclStmt *DS = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Owner))
      DS = If->getConditionVariableDeclStmt();
    else if (const auto *While = dyn_cast<WhileStmt>(Owner))
      DS = While->getConditionVariableDeclStmt();
    else if (const auto *Switch = dyn_cast<SwitchStmt>(Owner))
      DS = Switch->getConditionVariableDeclStmt();
    else if (const auto *For = dyn_cast<ForStmt>(Owner))
      DS = For->getConditionVariableDeclStmt();
    lowerVarDecl(CondVar, DS);
    return referenceTo(CondVar);
  }
  if (!A.suspends(Cond))
    return rewrite(Cond);
  // The condition is a full-expression: its temporaries (the awaiters among
  // them) die before the branch or body runs, so keep its value in a slot.
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Cond);
  std::string Value = lowerExpr(Cond, FE);
  Value = contextuallyConverted(Cond, Value, SlotType);
  unsigned Slot =
      addValueSlot("condition", SlotType, "value of a condition that awaits",
                   Cond->getBeginLoc(), "", false, Cond);
  Step.emit(Cond->getBeginLoc(), constructFrom(Slot, Value));
  endFullExpr(FE);
  return Model.Slots[Slot].Name;
}

void FunctionLowering::lowerIf(const IfStmt *If) {
  assert(!If->isConstexpr() && "checkBody() refuses it");
  bool Wrapper =
      If->getInit() || If->getConditionVariable() || A.suspends(If->getCond());
  if (Wrapper)
    Step.open();
  if (If->getInit())
    lowerStmt(If->getInit());
  std::string Cond =
      lowerCondition(If->getCond(), If->getConditionVariable(), If, Ctx.BoolTy);
  StepCode Text = "if (" + Cond + ") " + lowerAsBlock(If->getThen());
  if (If->getElse())
    Text += " " + Step.placementAt(If->getElseLoc()) + "else " +
            lowerAsBlock(If->getElse());
  Step.emit(If->getBeginLoc(), Text);
  if (Wrapper)
    Step.emit(If->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerLoopCondition(const Expr *Cond,
                                          const VarDecl *CondVar) {
  const Stmt *Owner = A.parent(Cond);
  std::string Value = lowerCondition(Cond, CondVar, Owner, Ctx.BoolTy);
  Step.emit(Cond->getBeginLoc(), "if (!(" + Value + ")) break;");
}

void FunctionLowering::lowerWhile(const WhileStmt *While) {
  const Expr *Cond = While->getCond();
  if (!A.suspends(Cond) && !While->getConditionVariable()) {
    Step.emit(While->getBeginLoc(), "while (" + rewrite(Cond) + ") " +
                                        lowerAsBlock(While->getBody()));
    return;
  }
  // `while (c) body` == `for (;;) { if (!c) break; body }`: continue then
  // evaluates the condition again, as it should.
  Step.open();
  lowerLoopCondition(Cond, While->getConditionVariable());
  lowerStmt(While->getBody());
  Step.emit(While->getBeginLoc(), "for (;;) " + closeBlock());
}

void FunctionLowering::lowerDo(const DoStmt *Do) {
  if (!A.suspends(Do->getCond())) {
    Step.emit(Do->getBeginLoc(), "do " + lowerAsBlock(Do->getBody()) + " " +
                                     Step.placementAt(Do->getWhileLoc()) +
                                     "while (" + rewrite(Do->getCond()) + ");");
    return;
  }
  std::string Continue;
  if (hasContinue(Do->getBody(), Do)) {
    Continue = Names.fresh("continue_do");
    ContinueLabels[Do] = Continue;
  }
  Step.open();
  Step.emit(Do->getBody()->getBeginLoc(), lowerAsBlock(Do->getBody()));
  if (!Continue.empty())
    Step.generated(Continue + ":;");
  lowerLoopCondition(Do->getCond(), nullptr);
  Step.emit(Do->getBeginLoc(), "for (;;) " + closeBlock());
}

void FunctionLowering::lowerFor(const ForStmt *For) {
  bool Wrapper = For->getInit() != nullptr;
  if (Wrapper) {
    Step.open();
    lowerStmt(For->getInit());
  }
  const Expr *Cond = For->getCond();
  const Expr *Inc = For->getInc();
  if (!A.suspends(Cond) && !A.suspends(Inc) && !For->getConditionVariable()) {
    Step.emit(For->getBeginLoc(), "for (; " + (Cond ? rewrite(Cond) : "") +
                                      "; " + (Inc ? rewrite(Inc) : "") + ") " +
                                      lowerAsBlock(For->getBody()));
  } else {
    std::string Continue;
    if (Inc && hasContinue(For->getBody(), For)) {
      Continue = Names.fresh("continue_for");
      ContinueLabels[For] = Continue;
    }
    Step.open();
    if (Cond)
      lowerLoopCondition(Cond, For->getConditionVariable());
    Step.emit(For->getBody()->getBeginLoc(), lowerAsBlock(For->getBody()));
    if (Inc) {
      if (!Continue.empty())
        Step.generated(Continue + ":;");
      FullExpr FE;
      FE.MarkersLeft = A.countMarkers(Inc);
      std::string Text = lowerExpr(Inc, FE);
      Step.emit(Inc->getBeginLoc(), Text + ";");
      endFullExpr(FE);
    }
    Step.emit(For->getBeginLoc(), "for (;;) " + closeBlock());
  }
  if (Wrapper)
    Step.emit(For->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerRangeFor(const CXXForRangeStmt *For) {
  // for (decl : init) body
  //   == { auto&& range = init; auto begin = ..., end = ...;
  //        for (; begin != end; ++begin) { decl = *begin; body } }
  // with range, begin and end in the frame.
  if (const CallExpr *Marker = asMarker(For->getRangeInit()->IgnoreImplicit()))
    if (markerKindOf(*Marker) == MarkerKind::AwaitEach)
      return lowerAwaitEach(For, Marker);
  Step.open();
  std::optional<LoopRange> Range = lowerLoopRange(For);
  if (!Range)
    return;
  auto [BeginName, EndName] = lowerLoopIterators(For, *Range);
  Step.open();
  std::string Element = "*" + BeginName;
  const VarDecl *LoopVar = For->getLoopVariable();
  ImplicitSpelling = Element;
  ImplicitInits[LoopVar] = Element;
  lowerVarDecl(LoopVar, For->getLoopVarStmt(), &Element);
  ImplicitSpelling.clear();
  lowerStmt(For->getBody());
  StepCode Body = closeBlock();
  Step.emit(For->getBeginLoc(), "for (; " + BeginName + " != " + EndName +
                                    "; ++" + BeginName + ") " + Body);
  Step.emit(For->getBeginLoc(), closeBlock());
}

std::optional<FunctionLowering::LoopRange>
FunctionLowering::lowerLoopRange(const CXXForRangeStmt *For) {
  const Expr *RangeInit = For->getRangeInit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(RangeInit);
  // `auto&& range = init;`: a prvalue init is a temporary whose life the
  // reference extends to the whole loop, so the frame holds the object.
  const Expr *Written = RangeInit->IgnoreImplicit();
  if (isa<InitListExpr>(Written) && Written->isTypeDependent()) {
    fail(Written->getBeginLoc(),
         "awaitc cannot keep a braced list whose type depends on a "
         "template parameter across a suspension in the loop; store "
         "the elements in a std::array or a container first");
    return std::nullopt;
  }
  // `for (x : make().items)`: the reference extends the life of the
  // temporary it is bound into.
  const ValueDecl *RangeVar =
      For->getRangeStmt() && For->getRangeStmt()->isSingleDecl()
          ? dyn_cast<ValueDecl>(For->getRangeStmt()->getSingleDecl())
          : nullptr;
  SmallVector<const MaterializeTemporaryExpr *, 2> Extended;
  if (RangeVar && !Written->isPRValue() &&
      !isa<CXXStdInitializerListExpr>(Written))
    collectExtended(RangeInit, RangeVar, Extended);
  // In a template, whether the range is a temporary may depend on the
  // instantiation.
  bool Dependent = RangeVar && Written->isTypeDependent();
  bool Bound = !Extended.empty() || Dependent;
  std::string RangeText = Bound ? "" : lowerExpr(Written, FE);
  LoopRange Range;
  Range.IsArray = RangeInit->getType()->isArrayType();
  if (Bound) {
    unsigned Slot = addPointerSlot("range", Written->getType(),
                                   "range of the for loop", "", false, Written);
    auto Address =
        bindExtended(RangeInit, RangeVar, "range_temporary", "",
                     "temporary bound to the range of the for loop", FE);
    if (Address && Address->empty())
      return std::nullopt;
    if (!Address)
      Address = addressOf(lowerExpr(Written, FE), Written->isXValue());
    Step.emit(RangeInit->getBeginLoc(), constructFrom(Slot, *Address));
    becameLive(Slot);
    Range.Text = "(*" + Model.Slots[Slot].Name + ")";
  } else if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Written)) {
    // `for (x : {a, b})`: the reference extends the life of the list's
    // array, so the frame holds the array itself.
    const Expr *Array = List->getSubExpr()->IgnoreImplicit();
    unsigned Slot = addValueSlot("range", Array->getType(),
                                 "elements of the for loop's list",
                                 RangeInit->getBeginLoc());
    Step.emit(RangeInit->getBeginLoc(), constructWith(Slot, RangeText));
    becameLive(Slot);
    Range.Text = Model.Slots[Slot].Name;
    Range.IsArray = true;
  } else if (Written->isPRValue()) {
    unsigned Slot =
        addValueSlot("range", Written->getType(), "range of the for loop",
                     RangeInit->getBeginLoc(), "", false, Written);
    Step.emit(RangeInit->getBeginLoc(), constructFrom(Slot, RangeText));
    becameLive(Slot);
    Range.Text = Model.Slots[Slot].Name;
  } else {
    unsigned Slot = addPointerSlot("range", Written->getType(),
                                   "range of the for loop", "", false, Written);
    Step.emit(RangeInit->getBeginLoc(),
              constructFrom(Slot, addressOf(RangeText, Written->isXValue())));
    becameLive(Slot);
    Range.Text = "(*" + Model.Slots[Slot].Name + ")";
  }
  endFullExpr(FE);
  return Range;
}

std::pair<std::string, std::string>
FunctionLowering::lowerLoopIterators(const CXXForRangeStmt *For,
                                     const LoopRange &Range) {
  if (!For->getBeginStmt() || !For->getEndStmt()) {
    // A dependent range: iterate it as std::begin/std::end would.
    auto Iterator = [&](const char *Member) {
      FrameSlot Slot;
      Slot.Name = Names.fresh(Member);
      Slot.Type =
          std::string("decltype(std::") + Member + "(" + Range.Text + "))";
      Slot.NeedsDestruction = true;
      Slot.Comment = "iterator of the for loop";
      unsigned Index = addSlot(std::move(Slot));
      Step.emit(For->getBeginLoc(),
                constructFrom(Index, std::string("std::") + Member + "(" +
                                         Range.Text + ")"));
      becameLive(Index);
      return Model.Slots[Index].Name;
    };
    std::string Begin = Iterator("begin");
    return {Begin, Iterator("end")};
  }
  auto IteratorInit = [&](const VarDecl *Var, const char *Member) {
    const Expr *Init = Var->getInit()->IgnoreImplicit();
    if (Range.IsArray)
      return std::string("std::") + Member + "(" + Range.Text + ")";
    if (isa<CXXMemberCallExpr>(Init))
      return Range.Text + "." + Member + "()";
    // Argument-dependent lookup, as the language does.
    return std::string(Member) + "(" + Range.Text + ")";
  };
  const VarDecl *BeginVar = cast<VarDecl>(For->getBeginStmt()->getSingleDecl());
  const VarDecl *EndVar = cast<VarDecl>(For->getEndStmt()->getSingleDecl());
  unsigned Begin = addValueSlot("begin", BeginVar->getType(),
                                "iterator of the for loop", For->getBeginLoc());
  Step.emit(For->getBeginLoc(),
            constructFrom(Begin, IteratorInit(BeginVar, "begin")));
  becameLive(Begin);
  unsigned End = addValueSlot("end", EndVar->getType(), "end of the for loop",
                              For->getBeginLoc());
  Step.emit(For->getBeginLoc(),
            constructFrom(End, IteratorInit(EndVar, "end")));
  becameLive(End);
  return {Model.Slots[Begin].Name, Model.Slots[End].Name};
}

void FunctionLowering::lowerAwaitEach(const CXXForRangeStmt *For,
                                      const CallExpr *Marker) {
  // for (decl : AWAIT_EACH(g)) body
  //   == { auto&& generator = g;
  //        for (;;) { std::optional<T> next = AWAIT(generator.next());
  //                   if (!next) break; decl = *next; body } }
  // with the generator (a prvalue's object, or the address of an lvalue's,
  // which the loop then does not own) and `next` in the frame. As with a
  // range-for's hidden range variable, a generator the loop owns is
  // destroyed after the loop variable, on every way out of the loop.
  SourceLocation Loc = Marker->getBeginLoc();
  Step.open();
  const Expr *Gen = Marker->getArg(0)->IgnoreImplicit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Gen);
  std::string GenText = lowerExpr(Gen, FE);
  if (Failed)
    return;
  unsigned GenSlot;
  std::string Generator;
  if (Gen->isPRValue()) {
    GenSlot = addValueSlot("generator", Gen->getType(),
                           "async generator of the AWAIT_EACH loop", Loc, "",
                           false, Gen);
    Step.emit(Loc, constructFrom(GenSlot, GenText));
    becameLive(GenSlot);
    Generator = Model.Slots[GenSlot].Name;
  } else {
    GenSlot = addPointerSlot("generator", Gen->getType(),
                             "async generator of the AWAIT_EACH loop", "",
                             false, Gen);
    Step.emit(Loc, constructFrom(GenSlot, addressOf(GenText, Gen->isXValue())));
    becameLive(GenSlot);
    Generator = "(*" + Model.Slots[GenSlot].Name + ")";
  }
  endFullExpr(FE);
  const std::string GenType = Model.Slots[GenSlot].Type;

  Step.open();
  FullExpr Next;
  int State = addState(Marker);
  FrameSlot Awaiter;
  Awaiter.Name = Names.fresh("await_" + std::to_string(State));
  Awaiter.Type = "awaitc::detail::async_next_awaiter_t<" + GenType + ">";
  Awaiter.Kind = FrameSlot::Storage::Manual;
  Awaiter.NeedsDestruction = true;
  Awaiter.Comment = "awaiter of the AWAIT_EACH on line " +
                    std::to_string(Src.line(Src.offset(Loc)));
  unsigned AwaiterSlot = addSlot(Awaiter);
  Step.emit(Loc, "::new (awaitc::detail::storage_of(" + Awaiter.Name + ")) " +
                     Awaiter.Type + "(" + Generator + ".next());");
  becameLive(AwaiterSlot);
  Next.Temps.push_back(AwaiterSlot);
  emitSuspension(State,
                 "this->awaitc_suspend_at(" + std::to_string(State) + ", " +
                     Awaiter.Name + ")",
                 Loc);
  FrameSlot Value;
  Value.Name = Names.fresh("next");
  Value.Type = "awaitc::detail::async_next_result_t<" + GenType + ">";
  Value.Kind = FrameSlot::Storage::Manual;
  Value.NeedsDestruction = true;
  Value.Comment = "value of the AWAIT_EACH loop";
  unsigned ValueSlot = addSlot(Value);
  Step.emit(Loc, constructFrom(ValueSlot, Awaiter.Name + ".await_resume()"));
  becameLive(ValueSlot);
  endFullExpr(Next);
  Step.glue("if (!" + Value.Name + ") break;");

  std::string Element = "*" + Value.Name;
  ImplicitSpelling = Element;
  ImplicitInits[For->getLoopVariable()] = Element;
  lowerVarDecl(For->getLoopVariable(), For->getLoopVarStmt(), &Element);
  ImplicitSpelling.clear();
  lowerStmt(For->getBody());
  Step.emit(For->getBeginLoc(), "for (;;) " + closeBlock());
  Step.emit(For->getBeginLoc(), closeBlock());
}

void FunctionLowering::lowerSwitch(const SwitchStmt *Switch) {
  // (checkBody() refuses a switch without braces.)
  const auto *Body = cast<CompoundStmt>(Switch->getBody());
  Step.open();
  if (Switch->getInit())
    lowerStmt(Switch->getInit());
  std::string Cond =
      lowerCondition(Switch->getCond(), Switch->getConditionVariable(), Switch,
                     Switch->getCond()->getType());
  Step.open(/*GuardsGoToParent=*/true);
  if (!Body->body_empty() && isa<SwitchCase>(Body->body_front()))
    Step.startsWithCase();
  lowerChildren(Body);
  StepCode BodyText = closeBlock();
  Step.emit(Switch->getBeginLoc(), "switch (" + Cond + ") " + BodyText);
  Step.emit(Switch->getBeginLoc(), closeBlock());
}

} // namespace awaitc
