//===- LowerDeclarations.cpp - Declarations of locals ---------------------===//
//
// A declaration whose local lives in the frame: its slot, how its
// initializer constructs it (as C++ would: copy- or direct-, a reference
// bound, a temporary kept alive), arrays and structured bindings.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

void FunctionLowering::lowerDeclStmt(const DeclStmt *DS) {
  bool NeedsLowering = A.suspends(DS);
  for (const Decl *D : DS->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      NeedsLowering |= A.isHoisted(VD);
  if (!NeedsLowering) {
    // A constexpr local stays a constant expression; as a static it may be
    // jumped over by the dispatch.
    bool Constexpr = DS->isSingleDecl() && isa<VarDecl>(DS->getSingleDecl()) &&
                     cast<VarDecl>(DS->getSingleDecl())->isConstexpr() &&
                     cast<VarDecl>(DS->getSingleDecl())->hasLocalStorage();
    if (auto R = statementRange(DS))
      return emit(DS->getBeginLoc(),
                  (Constexpr ? "static " : "") + rewriteRange(*R, DS));
    return fail(DS->getBeginLoc(), "awaitc cannot copy this declaration: it "
                                   "is not contiguous text in this file");
  }
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return fail(D->getLocation(),
                  "awaitc cannot split this declaration; declare the type "
                  "separately from the variables");
    lowerVarDecl(VD, DS);
  }
}

SourceLocation afterName(const VarDecl *VD, const SourceManager &SM,
                                const LangOptions &LO) {
  SourceLocation Last = VD->getLocation();
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD)) {
    if (!Bindings->bindings().empty())
      if (auto Close = Lexer::findNextToken(
              Bindings->bindings().back()->getLocation(), SM, LO))
        if (Close->is(tok::r_square))
          Last = Close->getLocation();
  } else if (const TypeSourceInfo *TSI = VD->getTypeSourceInfo()) {
    // The type's own declarator parts: `[2]`, `)(int)`.
    SourceLocation TypeEnd = TSI->getTypeLoc().getEndLoc();
    if (TypeEnd.isValid() && TypeEnd.isFileID() && Last.isFileID() &&
        SM.isBeforeInTranslationUnit(Last, TypeEnd))
      Last = TypeEnd;
  }
  return Lexer::getLocForEndOfToken(Last, 0, SM, LO);
}

const Expr *findSpelledAs(const Stmt *S, SourceRange Range) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    if (E->getSourceRange() == Range &&
        !isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ExprWithCleanups>(E))
      return E;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findSpelledAs(Child, Range))
      return Found;
  return nullptr;
}

/// Whether \p S names a function parameter pack.
static bool packUse(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      if (P->isParameterPack())
        return true;
  for (const Stmt *Child : S->children())
    if (packUse(Child))
      return true;
  return false;
}

void FunctionLowering::lowerVarDecl(const VarDecl *VD, const DeclStmt *DS,
                                    const std::string *ImplicitInit) {
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD);
      Bindings && A.isHoisted(VD)) {
    if (VD->getType()->isDependentType()) {
      // The limit of awaitc/detail/structured_binding.h.
      if (Bindings->bindings().size() > 16)
        return fail(VD->getLocation(),
                    "awaitc keeps a structured binding of at most 16 names "
                    "across a suspension in a template");
      if (const BindingDecl *Bits = bitFieldBindingIn(Fn, Bindings))
        return fail(VD->getLocation(),
                    "awaitc cannot keep a structured binding of a bit-field "
                    "('" + Bits->getNameAsString() +
                        "' in an instantiation) across a suspension in a "
                        "template; copy the bit-field to a variable first");
    }
    for (const BindingDecl *B : Bindings->bindings())
      if (!bindingText(B))
        return fail(B->getLocation(),
                    "awaitc cannot tell what this structured binding "
                    "refers to, so it cannot live across a suspension");
  }
  const Expr *Init = VD->getInit();
  if (!A.isHoisted(VD)) {
    // A plain local of step(): declared where the user declared it.
    std::string Decl = DS ? declaratorText(DS, VD) : std::string();
    if (ImplicitInit) {
      auto Head = Src.range(SourceRange(VD->getBeginLoc(), VD->getLocation()));
      if (!Head)
        return fail(VD->getLocation(), "awaitc cannot copy this declaration");
      emit(VD->getBeginLoc(),
           rewriteRange(*Head, VD->getInit() ? VD->getInit() : nullptr) +
               " = " + *ImplicitInit + ";");
      return;
    }
    if (!Init || !A.suspends(Init)) {
      auto R = Src.range(DS->getSourceRange());
      if (DS->isSingleDecl() && R)
        return emit(VD->getBeginLoc(), rewriteRange(*R, DS));
      return emit(VD->getBeginLoc(), Decl + ";");
    }
    FullExpr FE;
    FE.MarkersLeft = A.countMarkers(Init);
    std::string Text = declaratorText(DS, VD, &FE);
    emit(VD->getBeginLoc(), Text + ";");
    endFullExpr(FE);
    return;
  }

  // A hoisted local: a frame member constructed here.
  QualType T = VD->getType();
  std::string Comment = "local '" + VD->getNameAsString() + "'";
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD)) {
    Comment = "the object bound by [";
    for (const BindingDecl *B : Bindings->bindings())
      Comment += (Comment.back() == '[' ? "" : ", ") + B->getNameAsString();
    Comment += "]";
  }
  // A local that is a reference or an object as the instantiation decides
  // (`decltype(auto) v = e;` with a dependent e; `T v = e;` with T = int &
  // in an instantiation): the frame holds a ReferenceBinding of its
  // declared type, and the local is a pointer into it.
  std::optional<std::string> Decided;
  if (isDependentDecltypeAuto(T)) {
    Decided = deducedTypeText(T, ImplicitInit ? *ImplicitInit : plainText(Init),
                              /*Pointee=*/false);
  } else if (T->isDependentType() && !T->isReferenceType() &&
             !T->getContainedAutoType() && !isa<DecompositionDecl>(VD) &&
             llvm::any_of(instantiatedVars(Fn, VD), [](const VarDecl *Each) {
               return Each->getType()->isReferenceType();
             })) {
    if (extendsInInstantiation(Fn, VD))
      return fail(VD->getLocation(),
                  "awaitc cannot keep '" + VD->getNameAsString() +
                      "' across a suspension: in an instantiation it is a "
                      "reference bound to a temporary; store the "
                      "temporary in a variable first");
    Decided = declaredTypeText(VD);
  }
  if (Failed)
    return;
  if (T->isReferenceType() || Decided) {
    unsigned Slot = addPointerSlot(
        "", T.getNonReferenceType(), Comment, std::string(A.memberName(VD)),
        isWrittenType(VD), ImplicitInit ? nullptr : Init, VD->getLocation());
    SlotOf[VD] = Slot;
    FullExpr FE;
    FE.MarkersLeft = ImplicitInit ? 0 : A.countMarkers(Init);
    std::optional<std::string> Address;
    if (Decided) {
      DecidedInInstantiation[VD] = *Decided;
      Model.Slots[Slot].Type = "std::remove_reference_t<" + *Decided + ">";
      Address = bindDependent(
          Init, "", std::string(A.memberName(VD)) + "_object",
          "what '" + VD->getNameAsString() + "' is in the instantiation", FE,
          ImplicitInit, &*Decided);
    } else {
      // A temporary bound to the reference lives as long as the reference.
      Address = bindExtended(
          Init, VD, "", std::string(A.memberName(VD)) + "_temporary",
          "temporary bound to '" + VD->getNameAsString() + "'", FE,
          ImplicitInit);
    }
    if (Address && Address->empty())
      return;
    if (!Address) {
      std::string Value = ImplicitInit ? *ImplicitInit : lowerExpr(Init, FE);
      Address = addressOf(Value, Init && Init->isXValue());
    }
    emit(VD->getLocation(), constructFrom(Slot, *Address));
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }

  // `int all[] = {xs...};` in a template: the length is known only in
  // instantiations; `int all[sizeof...(xs)]` names the parameter, which
  // the frame's members cannot.
  const auto *Sized = dyn_cast<DependentSizedArrayType>(T.getTypePtr());
  if (T->isIncompleteArrayType() ||
      (Sized && (!Sized->getSizeExpr() || packUse(Sized->getSizeExpr()))))
    return fail(VD->getLocation(),
                "awaitc cannot tell the length of this array in the frame; "
                "give it a length that names no function parameter "
                "(sizeof...(Ts), not sizeof...(xs)), or use std::array");
  unsigned Slot = addValueSlot("", T, Comment, VD->getLocation(),
                               std::string(A.memberName(VD)), isWrittenType(VD),
                               ImplicitInit ? nullptr : Init);
  SlotOf[VD] = Slot;
  if (T->isDependentType() && !T->getContainedAutoType())
    Model.Slots[Slot].Type = declaredTypeText(VD);
  if (ImplicitInit) {
    emit(VD->getLocation(), constructFrom(Slot, *ImplicitInit));
    becameLive(Slot);
    return;
  }
  if (!Init) {
    emit(VD->getLocation(), constructWith(Slot, ""));
    becameLive(Slot);
    return;
  }
  if (const auto *Construct =
          dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
    if (Construct->getParenOrBraceRange().isInvalid() &&
        llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
          return isa<CXXDefaultArgExpr>(Arg);
        })) {
      // `T x;` of a class type: default-initialization (by a constructor
      // whose parameters all have default arguments, perhaps).
      emit(VD->getLocation(), constructWith(Slot, ""));
      becameLive(Slot);
      return;
    }
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Init);
  if (isa<DecompositionDecl>(VD) && T->isDependentType() &&
      VD->getInitStyle() == VarDecl::CInit &&
      !isa<InitListExpr>(Init->IgnoreImplicit())) {
    // `auto [a, b] = e;` in a template: e may be an array, copied element by
    // element, only in the instantiation.
    Model.Slots[Slot].Type = cvPrefix(T) +
                             "awaitc::detail::decomposed_t<decltype((" +
                             plainText(Init) + "))>";
    std::string Value = lowerExpr(Init, FE); // (may add slots)
    emit(VD->getLocation(),
         "awaitc::detail::construct_decomposed(" + Model.Slots[Slot].Name +
             ", [&]() -> decltype(auto) { return (" + Value + "); });");
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }
  if (const auto *Copy = dyn_cast<ArrayInitLoopExpr>(Init->IgnoreImplicit())) {
    // `auto [a, b] = arr;` copies the array element by element.
    emit(VD->getLocation(), copyArray(Slot, Copy, FE));
    becameLive(Slot);
    endFullExpr(FE);
    return;
  }
  std::string InitText;
  if (VD->getInitStyle() == VarDecl::CInit) {
    const Expr *Written = Init->IgnoreImplicit();
    if (isa<InitListExpr>(Written))
      InitText = lowerExpr(Init, FE);
    else if (T->isArrayType())
      InitText = "{" + lowerExpr(Init, FE) + "}";
    else if (Model.Slots[Slot].Kind == FrameSlot::Storage::Plain ||
             copyInitIsDirect(T, Init))
      // (A Plain slot is assigned: an implicit conversion.)
      InitText = "(" + lowerExpr(Init, FE) + ")";
    else
      // The value of a function returning T is copy-initialized from the
      // operand of its return statement, and initializes the slot in turn
      // without a copy (C++17 guarantees the elision).
      InitText = "([&]() -> " + Model.Slots[Slot].Type + " { return " +
                 lowerExpr(Init, FE) + "; }())";
  } else {
    // `T x(args)` / `T x{args}`: the text after the name.
    auto Written = parenthesizedInit(VD);
    if (!Written)
      return fail(VD->getLocation(), "awaitc cannot rewrite this initializer");
    InitText = lowerExprInto(Init, *Written, FE);
  }
  emit(VD->getLocation(), constructWith(Slot, InitText));
  becameLive(Slot);
  endFullExpr(FE);
}

std::string FunctionLowering::copyArray(unsigned Slot,
                                        const ArrayInitLoopExpr *Copy,
                                        FullExpr &FE) {
  const Expr *Source = Copy->getCommonExpr()->getSourceExpr();
  const auto *Array = Ctx.getAsConstantArrayType(Copy->getType());
  if (!Source || !Array || Array->getElementType()->isArrayType()) {
    fail(Copy->getBeginLoc(), "awaitc cannot copy this array into the "
                              "frame; copy its elements one by one");
    return "";
  }
  std::string Text = lowerExpr(Source, FE);
  std::string Name = "(" + Text + ")", Before, After;
  if (!isStable(Source)) {
    // Evaluated once, as C++ does.
    Name = Names.fresh("array");
    Before = "{ auto &&" + Name + " = " + Text + "; ";
    After = " }";
  }
  std::string Elements;
  uint64_t Size = Array->getSize().getZExtValue();
  for (uint64_t I = 0; I < Size; ++I) {
    std::string Element = Name + "[" + std::to_string(I) + "]";
    if (Source->isXValue())
      Element = "std::move(" + Element + ")";
    Elements += (I ? ", " : "") + Element;
  }
  return Before + constructWith(Slot, "{" + Elements + "}") + After;
}

std::string FunctionLowering::bindDependent(
    const Expr *Init, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue, const std::string *Declared) {
  FrameSlot Slot;
  Slot.Name = HolderExact.empty() ? Names.fresh(HolderBase) : HolderExact;
  std::string Bound =
      Declared ? *Declared
               : "decltype((" +
                     (ImplicitValue ? *ImplicitValue : plainText(Init)) + "))";
  Slot.Type = "awaitc::detail::ReferenceBinding<" + Bound + ">";
  Slot.Kind = FrameSlot::Storage::Manual;
  Slot.NeedsDestruction = true;
  Slot.Comment = Comment;
  unsigned Holder = addSlot(std::move(Slot));
  std::string Text = ImplicitValue ? *ImplicitValue : lowerExpr(Init, FE);
  if (Failed)
    return std::string();
  // (Copy-initialization, not the braces' list-initialization: no check
  // for narrowing, no explicit constructor.)
  if (Declared)
    Text = "[&]() -> " + Bound + " { return " + Text + "; }()";
  emit(Init ? Init->getBeginLoc() : Fn.getLocation(),
       constructWith(Holder, "{" + Text + "}"));
  becameLive(Holder);
  return Model.Slots[Holder].Name + ".address()";
}

std::optional<std::string> FunctionLowering::bindExtended(
    const Expr *Init, const ValueDecl *Extender, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue) {
  SmallVector<const MaterializeTemporaryExpr *, 2> Temps;
  collectExtended(Init, Extender, Temps);
  if (Temps.empty()) {
    // In a template, whether the initializer is a temporary depends on the
    // instantiation: the frame holds whichever it is.
    if (Init && !ImplicitValue && Init->isTypeDependent() &&
        bindsWholeValue(Fn, dyn_cast<VarDecl>(Extender), Init))
      return bindDependent(Init, HolderBase, HolderExact, Comment, FE);
    // In a template, what the initializer denotes shows in instantiations.
    if ((Init && Init->isPRValue() && !Init->isTypeDependent()) ||
        (Init && Init->isInstantiationDependent() &&
         extendsInInstantiation(Fn, dyn_cast<VarDecl>(Extender)))) {
      fail(Init->getBeginLoc(), "awaitc cannot tell how long the temporary "
                                "bound to this reference lives");
      return std::string();
    }
    return std::nullopt;
  }
  auto Unsupported = [&](SourceLocation Loc, const std::string &Message) {
    fail(Loc, Message + (Temps.size() > 1
                             ? "; store the temporaries in variables first"
                             : "; store the temporary in a variable first"));
    return std::optional<std::string>(std::string());
  };
  const char *Conditional = "awaitc cannot keep a temporary created by one "
                            "operand of '?:' alive with the reference bound "
                            "to it";
  SmallVector<const Stmt *, 8> Path;
  for (const MaterializeTemporaryExpr *Each : Temps) {
    Path.clear();
    pathTo(Init, Each, Path);
    for (const Stmt *S : Path)
      if (isa<AbstractConditionalOperator>(S))
        return Unsupported(Each->getBeginLoc(), Conditional);
  }
  if (Temps.size() > 1)
    return Unsupported(Temps[1]->getBeginLoc(),
                       "awaitc cannot keep more than one temporary alive "
                       "with the reference bound to them");
  const MaterializeTemporaryExpr *Temp = Temps.front();
  // The expression that denotes the reference: Init without its cleanups
  // and, for `T &r{e}` / `T &r = {e}`, without the braces.
  size_t First = 0;
  while (First + 1 < Path.size()) {
    const auto *List = dyn_cast<InitListExpr>(Path[First]);
    if (!isa<ExprWithCleanups, ParenExpr>(Path[First]) &&
        !(List && List->getNumInits() == 1))
      break;
    ++First;
  }
  // What the reference denotes, from the temporary up: the temporary itself
  // (through conversions to a base or to const), a member or element of
  // it, or a cast of it to a reference. Each operand that is not on this
  // path is evaluated after the temporary (C++17 sequences `a[i]` and
  // `a.*p` left to right), except a comma's left operand.
  bool Direct = true, Comma = false, XValue = false;
  for (size_t I = Path.size() - 1; I-- > First;) {
    const Stmt *S = Path[I], *Next = Path[I + 1];
    if (isa<ParenExpr, ImplicitCastExpr>(S))
      continue;
    Direct = false;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(S)) {
      QualType To = Cast->getTypeAsWritten();
      if (To->isReferenceType())
        XValue = To->isRValueReferenceType();
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (!Member->isArrow())
        continue;
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(S))
      if (Subscript->getBase() == Next)
        continue;
    if (const auto *Op = dyn_cast<BinaryOperator>(S)) {
      if (Op->getOpcode() == BO_PtrMemD && Op->getLHS() == Next)
        continue;
      if (Op->getOpcode() == BO_Comma && Op->getRHS() == Next) {
        Comma = true;
        continue;
      }
    }
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  }
  const Expr *Root = cast<Expr>(Path[First]);
  const Expr *Value = Temp->getSubExpr();
  unsigned Markers = A.countMarkers(Value);
  if (!ImplicitValue && A.countMarkers(Root) != Markers)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot keep the temporary bound to this "
                       "reference alive when another part of the "
                       "reference's initializer suspends");
  if (Markers && Comma)
    // The left operand would run after the suspension.
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  if (ImplicitValue && !Direct)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  std::optional<ByteRange> RootRange = exprRange(Root),
                           TempRange = exprRange(Temp);
  if (!ImplicitValue && (!RootRange || !TempRange)) {
    fail(Temp->getBeginLoc(), "awaitc cannot rewrite this expression");
    return std::string();
  }

  unsigned Holder =
      addValueSlot(HolderBase, Temp->getType(), Comment, Temp->getBeginLoc(),
                   HolderExact, false, ImplicitValue ? nullptr : Value);
  // `const Agg &r{1, 2}`, `Items{a, b}[1]`: the temporary is
  // list-initialized (an array cannot be initialized from `(...)`).
  const Expr *Written = Value->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Written))
    if (isa<InitListExpr>(Cast->getSubExpr()->IgnoreImplicit()))
      Written = Cast->getSubExpr()->IgnoreImplicit();
  bool List = !ImplicitValue && isa<InitListExpr>(Written);
  if (Temp->getType()->isArrayType() && !List)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot tell how long the temporary bound to "
                       "this reference lives");
  std::string Text = ImplicitValue ? *ImplicitValue
                     : List        ? lowerExpr(Written, FE)
                                   : lowerExpr(Value, FE);
  if (Failed)
    return std::string();
  // (Copied text may open with a column hint.)
  List = List &&
         llvm::StringRef(withoutColumnHints(Text)).ltrim().starts_with("{");
  std::string Construct =
      List ? constructWith(Holder, Text) : constructFrom(Holder, Text);
  const FrameSlot &Slot = Model.Slots[Holder];
  if (Direct) {
    emit(Temp->getBeginLoc(), Construct);
    becameLive(Holder);
    return "std::addressof(" + Slot.Name + ")";
  }
  // Constructed where it stands in the expression, so that the
  // full-expression's other temporaries die after the rest of it, and armed
  // at once, so that it dies if the rest throws.
  if (!Construct.empty() && Construct.back() == ';')
    Construct.pop_back();
  std::string Built = "(" + Construct +
                      (Slot.Guard.empty() ? "" : ", " + Slot.Guard + ".arm()") +
                      ", " + Slot.Name + ")";
  if (Slot.NeedsDestruction)
    Live.push_back(Holder);
  std::vector<Edit> Edits = {Edit{*TempRange, Built}};
  for (size_t I = First; I + 1 < Path.size(); ++I)
    for (const Stmt *Child : Path[I]->children())
      if (Child && Child != Path[I + 1]) {
        if (auto E = editFor(Child, false))
          Edits.push_back(*E);
        else
          collectEdits(Child, Edits, false);
      }
  return addressOf(splice(*RootRange, std::move(Edits)), XValue);
}

} // namespace awaitc
