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
      return Step.emit(DS->getBeginLoc(),
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

/// `T x;` of a class type: default-initialization (by a constructor whose
/// parameters all have default arguments, perhaps).
static bool isDefaultInitialization(const Expr *Init) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  return Construct && Construct->getParenOrBraceRange().isInvalid() &&
         llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
           return isa<CXXDefaultArgExpr>(Arg);
         });
}

void FunctionLowering::lowerVarDecl(const VarDecl *VD, const DeclStmt *DS,
                                    const std::string *ImplicitInit) {
  if (!checkHoistedBindings(VD))
    return;
  if (!A.isHoisted(VD))
    return lowerStepLocal(VD, DS, ImplicitInit);
  // A hoisted local: a frame member constructed here.
  std::optional<std::string> Decided =
      typeDecidedByInstantiation(VD, ImplicitInit);
  if (Failed)
    return;
  if (VD->getType()->isReferenceType() || Decided)
    return lowerHoistedReference(VD, ImplicitInit, Decided);
  lowerHoistedObject(VD, ImplicitInit);
}

bool FunctionLowering::checkHoistedBindings(const VarDecl *VD) {
  const auto *Bindings = dyn_cast<DecompositionDecl>(VD);
  if (!Bindings || !A.isHoisted(VD))
    return true;
  if (VD->getType()->isDependentType()) {
    // The limit of awaitc/detail/structured_binding.h.
    if (Bindings->bindings().size() > 16) {
      fail(VD->getLocation(),
           "awaitc keeps a structured binding of at most 16 names "
           "across a suspension in a template");
      return false;
    }
    if (const BindingDecl *Bits = bitFieldBindingIn(Fn, Bindings)) {
      fail(VD->getLocation(),
           "awaitc cannot keep a structured binding of a bit-field "
           "('" +
               Bits->getNameAsString() +
               "' in an instantiation) across a suspension in a "
               "template; copy the bit-field to a variable first");
      return false;
    }
  }
  for (const BindingDecl *B : Bindings->bindings())
    if (!bindingText(B)) {
      fail(B->getLocation(),
           "awaitc cannot tell what this structured binding "
           "refers to, so it cannot live across a suspension");
      return false;
    }
  return true;
}

void FunctionLowering::lowerStepLocal(const VarDecl *VD, const DeclStmt *DS,
                                      const std::string *ImplicitInit) {
  const Expr *Init = VD->getInit();
  std::string Decl = DS ? declaratorText(DS, VD) : std::string();
  if (ImplicitInit) {
    auto Head = Src.range(SourceRange(VD->getBeginLoc(), VD->getLocation()));
    if (!Head)
      return fail(VD->getLocation(), "awaitc cannot copy this declaration");
    Step.emit(VD->getBeginLoc(),
              rewriteRange(*Head, VD->getInit() ? VD->getInit() : nullptr) +
                  " = " + *ImplicitInit + ";");
    return;
  }
  if (!Init || !A.suspends(Init)) {
    auto R = Src.range(DS->getSourceRange());
    if (DS->isSingleDecl() && R)
      return Step.emit(VD->getBeginLoc(), rewriteRange(*R, DS));
    return Step.emit(VD->getBeginLoc(), Decl + ";");
  }
  FullExpr FE;
  FE.MarkersLeft = A.countMarkers(Init);
  std::string Text = declaratorText(DS, VD, &FE);
  Step.emit(VD->getBeginLoc(), Text + ";");
  endFullExpr(FE);
}

std::string FunctionLowering::slotComment(const VarDecl *VD) {
  const auto *Bindings = dyn_cast<DecompositionDecl>(VD);
  if (!Bindings)
    return "local '" + VD->getNameAsString() + "'";
  std::string Comment = "the object bound by [";
  for (const BindingDecl *B : Bindings->bindings())
    Comment += (Comment.back() == '[' ? "" : ", ") + B->getNameAsString();
  return Comment + "]";
}

std::optional<std::string>
FunctionLowering::typeDecidedByInstantiation(const VarDecl *VD,
                                             const std::string *ImplicitInit) {
  QualType T = VD->getType();
  if (isDependentDecltypeAuto(T))
    return deducedTypeText(
        T, ImplicitInit ? *ImplicitInit : plainText(VD->getInit()),
        /*Pointee=*/false);
  if (!T->isDependentType() || T->isReferenceType() ||
      T->getContainedAutoType() || isa<DecompositionDecl>(VD) ||
      llvm::none_of(instantiatedVars(Fn, VD), [](const VarDecl *Each) {
        return Each->getType()->isReferenceType();
      }))
    return std::nullopt;
  if (extendsInInstantiation(Fn, VD)) {
    fail(VD->getLocation(),
         "awaitc cannot keep '" + VD->getNameAsString() +
             "' across a suspension: in an instantiation it is a "
             "reference bound to a temporary; store the "
             "temporary in a variable first");
    return std::nullopt;
  }
  return declaredTypeText(VD);
}

void FunctionLowering::lowerHoistedReference(
    const VarDecl *VD, const std::string *ImplicitInit,
    const std::optional<std::string> &Decided) {
  const Expr *Init = VD->getInit();
  unsigned Slot =
      addPointerSlot("", VD->getType().getNonReferenceType(), slotComment(VD),
                     std::string(A.memberName(VD)), isWrittenType(VD),
                     ImplicitInit ? nullptr : Init, VD->getLocation());
  SlotOf[VD] = Slot;
  FullExpr FE;
  FE.MarkersLeft = ImplicitInit ? 0 : A.countMarkers(Init);
  std::optional<std::string> Address;
  if (Decided) {
    DecidedInInstantiation[VD] = *Decided;
    Model.Slots[Slot].Type = "std::remove_reference_t<" + *Decided + ">";
    Address = bindDependent(Init, "", std::string(A.memberName(VD)) + "_object",
                            "what '" + VD->getNameAsString() +
                                "' is in the instantiation",
                            FE, ImplicitInit, &*Decided);
  } else {
    // A temporary bound to the reference lives as long as the reference.
    Address = bindExtended(
        Init, VD, "", std::string(A.memberName(VD)) + "_temporary",
        "temporary bound to '" + VD->getNameAsString() + "'", FE, ImplicitInit);
  }
  if (Address && Address->empty())
    return;
  if (!Address) {
    std::string Value = ImplicitInit ? *ImplicitInit : lowerExpr(Init, FE);
    Address = addressOf(Value, Init && Init->isXValue());
  }
  Step.emit(VD->getLocation(), constructFrom(Slot, *Address));
  becameLive(Slot);
  endFullExpr(FE);
}

void FunctionLowering::lowerHoistedObject(const VarDecl *VD,
                                          const std::string *ImplicitInit) {
  QualType T = VD->getType();
  const Expr *Init = VD->getInit();
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
  unsigned Slot = addValueSlot("", T, slotComment(VD), VD->getLocation(),
                               std::string(A.memberName(VD)), isWrittenType(VD),
                               ImplicitInit ? nullptr : Init);
  SlotOf[VD] = Slot;
  if (T->isDependentType() && !T->getContainedAutoType())
    Model.Slots[Slot].Type = declaredTypeText(VD);
  if (ImplicitInit) {
    Step.emit(VD->getLocation(), constructFrom(Slot, *ImplicitInit));
    becameLive(Slot);
    return;
  }
  if (!Init || isDefaultInitialization(Init)) {
    Step.emit(VD->getLocation(), constructWith(Slot, ""));
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
    Step.emit(VD->getLocation(),
              "awaitc::detail::construct_decomposed(" + Model.Slots[Slot].Name +
                  ", [&]() -> decltype(auto) { return (" + Value + "); });");
  } else if (const auto *Copy =
                 dyn_cast<ArrayInitLoopExpr>(Init->IgnoreImplicit())) {
    // `auto [a, b] = arr;` copies the array element by element.
    Step.emit(VD->getLocation(), copyArray(Slot, Copy, FE));
  } else {
    std::optional<std::string> InitText = initializerText(VD, Slot, FE);
    if (!InitText)
      return;
    Step.emit(VD->getLocation(), constructWith(Slot, *InitText));
  }
  becameLive(Slot);
  endFullExpr(FE);
}

std::optional<std::string> FunctionLowering::initializerText(const VarDecl *VD,
                                                             unsigned Slot,
                                                             FullExpr &FE) {
  QualType T = VD->getType();
  const Expr *Init = VD->getInit();
  if (VD->getInitStyle() != VarDecl::CInit) {
    // `T x(args)` / `T x{args}`: the text after the name.
    auto Written = parenthesizedInit(VD);
    if (!Written) {
      fail(VD->getLocation(), "awaitc cannot rewrite this initializer");
      return std::nullopt;
    }
    return lowerExprInto(Init, *Written, FE);
  }
  const Expr *Written = Init->IgnoreImplicit();
  if (isa<InitListExpr>(Written))
    return lowerExpr(Init, FE);
  if (T->isArrayType())
    return "{" + lowerExpr(Init, FE) + "}";
  if (Model.Slots[Slot].Kind == FrameSlot::Storage::Plain ||
      copyInitIsDirect(T, Init))
    // (A Plain slot is assigned: an implicit conversion.)
    return "(" + lowerExpr(Init, FE) + ")";
  // The value of a function returning T is copy-initialized from the
  // operand of its return statement, and initializes the slot in turn
  // without a copy (C++17 guarantees the elision).
  return "([&]() -> " + Model.Slots[Slot].Type + " { return " +
         lowerExpr(Init, FE) + "; }())";
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
  Step.emit(Init ? Init->getBeginLoc() : Fn.getLocation(),
            constructWith(Holder, "{" + Text + "}"));
  becameLive(Holder);
  return Model.Slots[Holder].Name + ".address()";
}

/// How a reference's initializer denotes the one temporary it extends: the
/// statements from the initializer down to the temporary.
struct ExtensionPath {
  SmallVector<const Stmt *, 8> Stmts;
  /// The expression that denotes the reference: the initializer without its
  /// cleanups and, for `T &r{e}` / `T &r = {e}`, without the braces.
  size_t Root = 0;
  /// The reference binds the temporary itself (through conversions).
  bool Direct = true;
  /// A comma's left operand is evaluated before the temporary.
  bool Comma = false;
  /// The reference is bound by a cast to an rvalue reference.
  bool XValue = false;
};

/// Follows \p Path from the temporary up to the reference: the temporary
/// itself (through conversions to a base or to const), a member or element
/// of it, or a cast of it to a reference. Each operand that is not on this
/// path is evaluated after the temporary (C++17 sequences `a[i]` and `a.*p`
/// left to right), except a comma's left operand. False if the reference
/// denotes anything else.
static bool followExtension(ExtensionPath &Path) {
  const auto &Stmts = Path.Stmts;
  while (Path.Root + 1 < Stmts.size()) {
    const auto *List = dyn_cast<InitListExpr>(Stmts[Path.Root]);
    if (!isa<ExprWithCleanups, ParenExpr>(Stmts[Path.Root]) &&
        !(List && List->getNumInits() == 1))
      break;
    ++Path.Root;
  }
  for (size_t I = Stmts.size() - 1; I-- > Path.Root;) {
    const Stmt *S = Stmts[I], *Next = Stmts[I + 1];
    if (isa<ParenExpr, ImplicitCastExpr>(S))
      continue;
    Path.Direct = false;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(S)) {
      QualType To = Cast->getTypeAsWritten();
      if (To->isReferenceType())
        Path.XValue = To->isRValueReferenceType();
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
        Path.Comma = true;
        continue;
      }
    }
    return false;
  }
  return true;
}

/// The initializer of temporary \p Temp as written: its braces for
/// `T{a, b}`.
static const Expr *listInitialized(const MaterializeTemporaryExpr *Temp) {
  const Expr *Written = Temp->getSubExpr()->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Written))
    if (isa<InitListExpr>(Cast->getSubExpr()->IgnoreImplicit()))
      return Cast->getSubExpr()->IgnoreImplicit();
  return Written;
}

static const char *const UnknownLifetime =
    "awaitc cannot tell how long the temporary bound to this reference lives";

std::optional<std::string> FunctionLowering::bindExtended(
    const Expr *Init, const ValueDecl *Extender, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue) {
  SmallVector<const MaterializeTemporaryExpr *, 2> Temps;
  collectExtended(Init, Extender, Temps);
  if (Temps.empty())
    return bindUnextended(Init, Extender, HolderBase, HolderExact, Comment, FE,
                          ImplicitValue);
  auto Unsupported = [&](SourceLocation Loc, const std::string &Message) {
    fail(Loc, Message + (Temps.size() > 1
                             ? "; store the temporaries in variables first"
                             : "; store the temporary in a variable first"));
    return std::optional<std::string>(std::string());
  };
  ExtensionPath Path;
  for (const MaterializeTemporaryExpr *Each : Temps) {
    Path.Stmts.clear();
    pathTo(Init, Each, Path.Stmts);
    for (const Stmt *S : Path.Stmts)
      if (isa<AbstractConditionalOperator>(S))
        return Unsupported(Each->getBeginLoc(),
                           "awaitc cannot keep a temporary created by one "
                           "operand of '?:' alive with the reference bound "
                           "to it");
  }
  if (Temps.size() > 1)
    return Unsupported(Temps[1]->getBeginLoc(),
                       "awaitc cannot keep more than one temporary alive "
                       "with the reference bound to them");
  const MaterializeTemporaryExpr *Temp = Temps.front();
  if (!followExtension(Path))
    return Unsupported(Temp->getBeginLoc(), UnknownLifetime);
  const Expr *Root = cast<Expr>(Path.Stmts[Path.Root]);
  unsigned Markers = A.countMarkers(Temp->getSubExpr());
  if (!ImplicitValue && A.countMarkers(Root) != Markers)
    return Unsupported(Temp->getBeginLoc(),
                       "awaitc cannot keep the temporary bound to this "
                       "reference alive when another part of the "
                       "reference's initializer suspends");
  // With a marker, a comma's left operand would run after the suspension.
  if ((Markers && Path.Comma) || (ImplicitValue && !Path.Direct))
    return Unsupported(Temp->getBeginLoc(), UnknownLifetime);
  return buildExtended(Temp, Path, HolderBase, HolderExact, Comment, FE,
                       ImplicitValue);
}

std::optional<std::string> FunctionLowering::bindUnextended(
    const Expr *Init, const ValueDecl *Extender, const std::string &HolderBase,
    const std::string &HolderExact, const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue) {
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

std::optional<std::string> FunctionLowering::buildExtended(
    const MaterializeTemporaryExpr *Temp, const ExtensionPath &Path,
    const std::string &HolderBase, const std::string &HolderExact,
    const std::string &Comment, FullExpr &FE,
    const std::string *ImplicitValue) {
  const Expr *Root = cast<Expr>(Path.Stmts[Path.Root]);
  std::optional<ByteRange> RootRange = exprRange(Root),
                           TempRange = exprRange(Temp);
  if (!ImplicitValue && (!RootRange || !TempRange)) {
    fail(Temp->getBeginLoc(), "awaitc cannot rewrite this expression");
    return std::string();
  }
  const Expr *Value = Temp->getSubExpr();
  unsigned Holder =
      addValueSlot(HolderBase, Temp->getType(), Comment, Temp->getBeginLoc(),
                   HolderExact, false, ImplicitValue ? nullptr : Value);
  // `const Agg &r{1, 2}`, `Items{a, b}[1]`: the temporary is
  // list-initialized (an array cannot be initialized from `(...)`).
  const Expr *Written = listInitialized(Temp);
  bool List = !ImplicitValue && isa<InitListExpr>(Written);
  if (Temp->getType()->isArrayType() && !List) {
    fail(Temp->getBeginLoc(), std::string(UnknownLifetime) +
                                  "; store the temporary in a variable first");
    return std::string();
  }
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
  if (Path.Direct) {
    Step.emit(Temp->getBeginLoc(), Construct);
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
  for (size_t I = Path.Root; I + 1 < Path.Stmts.size(); ++I)
    for (const Stmt *Child : Path.Stmts[I]->children())
      if (Child && Child != Path.Stmts[I + 1]) {
        if (auto E = editFor(Child, EditScope::Step))
          Edits.push_back(*E);
        else
          collectEdits(Child, Edits, EditScope::Step);
      }
  return addressOf(splice(*RootRange, std::move(Edits)), Path.XValue);
}

} // namespace awaitc
