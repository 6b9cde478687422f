//===- LowerExits.cpp - try, goto, return and YIELD -----------------------===//
//
// The ways out of a block: what a goto destroys, a try block and its
// handlers, return and the YIELD statement.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

bool FunctionLowering::needsLowering(const Stmt *S) const {
  if (A.suspends(S))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (A.isHoisted(VD))
          return true;
    return false;
  }
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return needsLowering(Label->getSubStmt());
  if (const auto *Case = dyn_cast<SwitchCase>(S))
    return needsLowering(Case->getSubStmt());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return needsLowering(Attributed->getSubStmt());
  return false;
}

std::string FunctionLowering::destroyBeforeGoto(const GotoStmt *Goto) {
  // Jumping back over the declaration of a hoisted local ends its
  // lifetime, as leaving its scope would; its guard does not see that.
  const LabelStmt *Label = Goto->getLabel()->getStmt();
  unsigned LabelAt = Src.offset(Label->getBeginLoc());
  unsigned GotoAt = Src.offset(Goto->getBeginLoc());
  if (LabelAt > GotoAt)
    return "";
  std::string Code;
  std::vector<std::pair<unsigned, std::string>> Guards;
  for (auto &[VD, Slot] : SlotOf) {
    const FrameSlot &S = Model.Slots[Slot];
    unsigned DeclAt = Src.offset(VD->getLocation());
    if (S.Guard.empty() || DeclAt < LabelAt || DeclAt > GotoAt)
      continue;
    // A local of a block that has already ended is gone, and so is its
    // guard.
    if (std::find(Live.begin(), Live.end(), Slot) == Live.end())
      continue;
    // Only locals whose block the goto does not leave (the guards of the
    // blocks it leaves run by themselves).
    const Stmt *Block = nullptr;
    for (const Stmt *P = A.parent(Goto); P; P = A.parent(P))
      if (isa<CompoundStmt>(P) && Src.range(P) &&
          Src.range(P)->Begin <= DeclAt && DeclAt < Src.range(P)->End) {
        Block = P;
        break;
      }
    if (Block && A.isWithin(Label, Block))
      Guards.push_back({DeclAt, S.Guard});
  }
  std::sort(Guards.rbegin(), Guards.rend());
  for (auto &[At, Guard] : Guards)
    Code += Guard + ".destroy(); ";
  return Code;
}

std::string FunctionLowering::catchClause(const CXXCatchStmt *Handler) {
  const VarDecl *Param = Handler->getExceptionDecl();
  if (!Param)
    return "catch (...)";
  auto R = Src.range(Param->getSourceRange());
  if (!R) {
    fail(Handler->getCatchLoc(), "awaitc cannot copy this exception "
                                 "declaration (inside a macro?)");
    return "";
  }
  return "catch (" + Src.text(*R).str() + ")";
}

void FunctionLowering::lowerTry(const CXXTryStmt *Try) {
  // try { body } catch (E& e) { handler }
  //
  // The try block is re-entered through a label placed before `try`, and
  // its own dispatch. A handler that suspends cannot be re-entered at all,
  // so the real handler only keeps the exception; the handler's body runs
  // after the try statement, inside
  //   try { std::rethrow_exception(caught); } catch (E& e) { handler }
  // which is entered again the same way after each suspension: `throw;`,
  // std::current_exception() and everything the handler calls see the
  // exception being handled, as in C++.
  Step.open();
  HandlerSlots Slots;
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
    if (A.suspends(Try->getHandler(I)))
      Slots.Deferred.push_back(I);
  if (!Slots.Deferred.empty()) {
    FrameSlot Exception;
    Exception.Name = Names.fresh("caught");
    Exception.Type = "std::exception_ptr";
    Exception.NeedsDestruction = true;
    Exception.Comment = "the exception a suspending handler handles";
    Slots.Caught = addSlot(std::move(Exception));
    Slots.Which = addValueSlot("handler", Ctx.IntTy,
                               "which suspending handler runs (0: none)",
                               Try->getBeginLoc());
    Step.emit(Try->getBeginLoc(), Model.Slots[Slots.Which].Name + " = 0;");
  }
  Step.emit(Try->getBeginLoc(), tryStatementCode(Try, Slots));
  for (unsigned I : Slots.Deferred)
    lowerDeferredHandler(Try->getHandler(I), I, Slots);
  Step.emit(Try->getBeginLoc(), closeBlock());
}

StepCode FunctionLowering::tryStatementCode(const CXXTryStmt *Try,
                                            const HandlerSlots &Slots) {
  Step.open();
  lowerChildren(Try->getTryBlock());
  std::string Entry;
  StepBlock Body = closeBlock(&Entry);
  if (!Entry.empty())
    Step.generated(Entry + ":;");
  // The handlers follow the try block's closing brace where the user wrote
  // them: on its line, or on lines of their own.
  unsigned Brace = Src.offset(Try->getTryBlock()->getRBracLoc());
  Body.CloseLine = Src.line(Brace);
  Body.CloseColumn = Src.column(Brace);
  StepCode Text = "try " + StepCode(std::move(Body));
  for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
    const CXXCatchStmt *Handler = Try->getHandler(I);
    if (!llvm::is_contained(Slots.Deferred, I)) {
      Text += " " + Step.placementAt(Handler->getBeginLoc()) + rewrite(Handler);
      continue;
    }
    // A copy: lowering the handler adds slots, which may move them.
    const FrameSlot CaughtSlot = Model.Slots[Slots.Caught];
    Text += " " + Step.placementAt(Handler->getBeginLoc()) +
            catchClause(Handler) + " { ::new (awaitc::detail::storage_of(" +
            CaughtSlot.Name +
            ")) std::exception_ptr(std::current_exception()); " +
            CaughtSlot.Guard + ".arm(); " + Model.Slots[Slots.Which].Name +
            " = " + std::to_string(I + 1) + "; }";
  }
  return Text;
}

void FunctionLowering::lowerDeferredHandler(const CXXCatchStmt *Handler,
                                            unsigned Index,
                                            const HandlerSlots &Slots) {
  // A copy: lowering the handler adds slots, which may move them.
  const FrameSlot CaughtSlot = Model.Slots[Slots.Caught];
  // The exception stays alive, held by `caught`, while the handler runs.
  Live.push_back(Slots.Caught);
  Step.open();
  Step.open();
  lowerChildren(cast<CompoundStmt>(Handler->getHandlerBlock()));
  std::string HandlerEntry;
  StepCode HandlerBody = closeBlock(&HandlerEntry);
  if (!HandlerEntry.empty())
    Step.generated(HandlerEntry + ":;");
  // The handler runs where the user wrote it; the rethrow that makes its
  // exception the current one is glue, on a line of its own. The `throw;`
  // is never reached (the exception is always there): it is what shows
  // Clang's flow analysis that the handler runs, so the warnings Clang
  // gives only for reachable code (-Wsign-compare...) are given in it.
  Step.generated("try { if (" + CaughtSlot.Name + ") std::rethrow_exception(" +
                 CaughtSlot.Name + "); throw; } " +
                 Step.placementAt(Handler->getBeginLoc()) +
                 catchClause(Handler) + " " + HandlerBody);
  Step.glueTo(Handler->getBeginLoc());
  Step.glue(destroyNow(Slots.Caught));
  Step.emit(Handler->getBeginLoc(), "if (" + Model.Slots[Slots.Which].Name +
                                        " == " + std::to_string(Index + 1) +
                                        ") " + closeBlock());
}

std::string FunctionLowering::returnText(const ReturnStmt *R,
                                         const std::string &Value) {
  const Expr *V = A.userReturnValue(R);
  bool ReturnsValue = A.function().Kind == CoroutineKind::Async &&
                      !A.function().ResultType->isVoidType();
  if (!V)
    return "return;";
  if (!ReturnsValue)
    return "{ " + Value + "; return; }";
  std::string Moved = Value;
  // `return {a, b};`: the list initializes the result type.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(V))
    if (Construct->getType()->getAsCXXRecordDecl() ==
        Fn.getReturnType()->getAsCXXRecordDecl())
      Moved = printType(A.function().ResultType, V->getBeginLoc(),
                        /*Written=*/true) +
              Value;
  // `return local;` moves, as C++ does for a returned local or parameter.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(V->IgnoreParens()))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      if (VD->hasLocalStorage() && !VD->getType()->isReferenceType() &&
          !VD->getType().isVolatileQualified()) {
        Moved = "std::move(" + Value + ")";
        // (A reference is returned as the lvalue it is.)
        auto Decided = DecidedInInstantiation.find(VD);
        if (Decided != DecidedInInstantiation.end())
          Moved = "static_cast<std::conditional_t<std::is_reference_v<" +
                  Decided->second + ">, " + Decided->second + " &, " +
                  Decided->second + " &&>>(" + Value + ")";
      }
  return "{ this->awaitc_return_value(" + Moved + "); return; }";
}

void FunctionLowering::lowerReturn(const ReturnStmt *R) {
  const Expr *V = A.userReturnValue(R);
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(V);
  std::string Value = lowerExpr(V, FE);
  std::string Text = returnText(R, Value);
  // The return value is set before the temporaries of its expression die.
  if (Text.front() == '{')
    Text = Text.substr(2, Text.size() - 4 - std::string(" return;").size());
  else
    Text.clear();
  if (!Text.empty())
    Step.emit(R->getBeginLoc(), Text);
  endFullExpr(FE);
  Step.emit(R->getBeginLoc(), "return;");
}

void FunctionLowering::lowerExprStmt(const Expr *E) {
  if (const CallExpr *Marker = yieldOf(E))
    return lowerYield(Marker);
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(E);
  std::string Text = lowerExpr(E, FE);
  Step.emit(E->getBeginLoc(), Text + ";");
  endFullExpr(FE);
}

void FunctionLowering::lowerYield(const CallExpr *Marker) {
  // The value as written: it initializes the yielded slot, so the
  // temporary the marker's reference parameter would make is not needed.
  const Expr *Arg = Marker->getArg(0)->IgnoreImplicit();
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Arg);
  // The generator suspends within the full-expression: its temporaries
  // live in the frame until it is resumed.
  std::string Value =
      beforeSuspension(FE, [&] { return lowerExpr(Arg, FE); });
  QualType ValueType = A.function().ResultType.getUnqualifiedType();
  unsigned Slot = addValueSlot("yielded", ValueType, "the value of a YIELD",
                               Marker->getBeginLoc());
  Step.emit(Marker->getBeginLoc(), constructFrom(Slot, Value));
  becameLive(Slot);
  FE.Temps.push_back(Slot);
  int State = addState(Marker);
  Step.emit(Marker->getBeginLoc(), "this->awaitc_yield_at(" +
                                       std::to_string(State) + ", " +
                                       Model.Slots[Slot].Name + ");");
  emitSuspension(State, "", Marker->getBeginLoc());
  endFullExpr(FE);
}

} // namespace awaitc
