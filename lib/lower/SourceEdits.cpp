//===- SourceEdits.cpp - The user's text, with edits ----------------------===//
//
// Statements without a suspension are copied from the user's text with
// small edits (hoisted locals named through the frame, `this` through the
// object pointer, rewritten returns and continues): the edits, their
// splicing, and the temporaries only a template's instantiations show.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

// --- Text
// ----------------------------------------------------------------------

std::string FunctionLowering::rewrite(const Stmt *S) {
  if (!S)
    return "";
  std::optional<ByteRange> R;
  if (const auto *E = dyn_cast<Expr>(S))
    R = exprRange(E);
  else
    R = Src.range(S);
  if (!R) {
    fail(S->getBeginLoc(), "awaitc cannot copy this code: it is not "
                           "contiguous text in this file (inside a macro?)");
    return "";
  }
  return rewriteRange(*R, S);
}

std::string FunctionLowering::rewriteRange(ByteRange R, const Stmt *Root) {
  std::vector<Edit> Edits;
  if (Root) {
    if (auto Whole = editFor(Root, EditScope::Step))
      Edits.push_back(*Whole);
    else
      collectEdits(Root, Edits, EditScope::Step);
  }
  return splice(R, std::move(Edits));
}

void FunctionLowering::collectEdits(const Stmt *S, std::vector<Edit> &Out,
                                    EditScope Scope) {
  // In step(), a lambda's implicit captures stand at its capture-default:
  // only its body is the user's text (lambdas that name frame locals in
  // their captures are moved into factories).
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    std::vector<const Stmt *> UserText = {Lambda->getBody()};
    if (Scope == EditScope::Factory) {
      // Moved out of step(): the captures are edited too.
      selfCaptureEdits(Lambda, Out);
      for (const LambdaCapture &Capture : Lambda->captures())
        if (Capture.capturesVariable())
          if (const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar()))
            if (VD->isInitCapture() && VD->getInit())
              UserText.push_back(VD->getInit());
    }
    EditScope Inside =
        Scope == EditScope::Factory ? EditScope::Factory : EditScope::Lambda;
    for (const Stmt *Part : UserText) {
      if (auto E = editFor(Part, Inside))
        Out.push_back(*E);
      else
        collectEdits(Part, Out, Inside);
    }
    return;
  }
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    if (auto E = editFor(Child, Scope)) {
      Out.push_back(*E);
      continue;
    }
    collectEdits(Child, Out, Scope);
  }
}

std::optional<Edit> FunctionLowering::editFor(const Stmt *S, EditScope Scope) {
  std::optional<Edit> Out;
  if (editForMovedLambda(S, Scope, Out) || editForObjectUse(S, Out) ||
      editForTemporary(S, Scope, Out) || editForPackInType(S, Out))
    return Out;
  if (Scope == EditScope::Factory)
    return std::nullopt; // the user's names are the factory's parameters
  if (editForLocalUse(S, Out))
    return Out;
  if (Scope == EditScope::Lambda)
    return std::nullopt;
  return editForJump(S);
}

bool FunctionLowering::editForMovedLambda(const Stmt *S, EditScope Scope,
                                          std::optional<Edit> &Out) {
  const auto *Lambda = dyn_cast<LambdaExpr>(S);
  if (!Lambda || Scope == EditScope::Factory)
    return false;
  auto It = Factories.find(Lambda);
  if (It == Factories.end())
    return false;
  if (auto R = movedLambdaRange(Lambda))
    Out = Edit{*R, It->second.Name + "(" + factoryArguments(*It->second.Uses) +
                       ")"};
  return true;
}

bool FunctionLowering::editForObjectUse(const Stmt *S,
                                        std::optional<Edit> &Out) {
  if (Model.SelfName.empty())
    return false;
  if (const auto *This = dyn_cast<CXXThisExpr>(S))
    if (!This->isImplicit())
      if (auto R = Src.range(This)) {
        Out = Edit{*R, Model.SelfName};
        return true;
      }
  // `member` / `helper()` in a member function: `self->member`.
  bool ImplicitMember = false;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    ImplicitMember = Member->isImplicitAccess();
  else if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(S))
    ImplicitMember = Member->isImplicitAccess();
  else if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(S))
    ImplicitMember = Member->isImplicitAccess();
  if (!ImplicitMember)
    return false;
  if (auto R = Src.range(S))
    Out = Edit{*R, Model.SelfName + "->" + Src.text(*R).str()};
  else
    fail(S->getBeginLoc(), "a member is used inside a macro here; "
                           "awaitc cannot make it refer to the object");
  return true;
}

bool FunctionLowering::editForTemporary(const Stmt *S, EditScope Scope,
                                        std::optional<Edit> &Out) {
  if (!KeepTemporariesIn || Scope != EditScope::Step)
    return false;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(S))
    if (!Temp->getExtendingDecl() && !Temp->getType()->isArrayType() &&
        !holdsOnlyReferences(Temp))
      if (auto R = exprRange(Temp)) {
        Out = Edit{*R, keepTemporary(
                           Temp, [&] { return rewrite(Temp->getSubExpr()); })};
        return true;
      }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  auto R = exprRange(E);
  if (!R)
    return false;
  std::optional<bool> Kept = isInstantiatedTemporary(E);
  if (Kept && !*Kept)
    return false;
  if (Kept)
    Out = Edit{*R, keepTemporary(E, [&] {
                 std::vector<Edit> Inner;
                 collectEdits(E, Inner, EditScope::Step);
                 return splice(*R, std::move(Inner));
               })};
  return true;
}

bool FunctionLowering::editForPackInType(const Stmt *S,
                                         std::optional<Edit> &Out) {
  if (!NamingType || !Pack)
    return false;
  // In the frame's member declarations the pack is a tuple; its elements
  // are lvalues of the parameter's declared types.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == Pack)
      if (auto R = Src.range(Ref)) {
        Out = Edit{*R, "std::declval<" + PackElement + " &>()"};
        return true;
      }
  if (const auto *Size = dyn_cast<SizeOfPackExpr>(S))
    if (Size->getPack() == Pack)
      if (auto R = Src.range(Size)) {
        Out = Edit{*R, "std::tuple_size<std::tuple<" + PackElement +
                           "...>>::value"};
        return true;
      }
  return false;
}

bool FunctionLowering::editForLocalUse(const Stmt *S,
                                       std::optional<Edit> &Out) {
  const auto *Ref = dyn_cast<DeclRefExpr>(S);
  if (!Ref)
    return false;
  if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
    if (auto Text = bindingText(B)) {
      if (auto R = Src.range(Ref))
        Out = Edit{*R, *Text};
      else
        fail(Ref->getLocation(), "this structured binding lives across a "
                                 "suspension and is used inside a macro "
                                 "here; awaitc cannot rewrite it");
      return true;
    }
  const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
  if (!VD || !A.isHoisted(VD))
    return true;
  std::string Text = referenceTo(VD);
  if (Text == VD->getName())
    return true;
  if (auto R = Src.range(Ref))
    Out = Edit{*R, Text};
  else
    fail(Ref->getLocation(), "'" + VD->getNameAsString() +
                                 "' lives across a suspension and is used "
                                 "inside a macro here; awaitc cannot "
                                 "rewrite the macro's use of it");
  return true;
}

std::optional<Edit> FunctionLowering::editForJump(const Stmt *S) {
  if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    auto R = statementRange(Return);
    if (!R) {
      fail(Return->getBeginLoc(), "awaitc cannot rewrite this return");
      return std::nullopt;
    }
    const Expr *V = A.userReturnValue(Return);
    return Edit{*R, returnText(Return, V ? rewrite(V) : "")};
  }
  if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
    std::string Destroy = destroyBeforeGoto(Goto);
    auto R = statementRange(Goto);
    if (Destroy.empty() || !R)
      return std::nullopt;
    return Edit{*R, "{ " + Destroy + Src.text(*R).str() + " }"};
  }
  if (const auto *Continue = dyn_cast<ContinueStmt>(S)) {
    auto It = ContinueLabels.find(continueTarget(Continue));
    if (It == ContinueLabels.end())
      return std::nullopt;
    auto R = Src.range(Continue);
    if (!R)
      return std::nullopt;
    return Edit{*R, "goto " + It->second};
  }
  return std::nullopt;
}

bool FunctionLowering::hasContinue(const Stmt *Body, const Stmt *Loop) const {
  if (!Body)
    return false;
  if (const auto *C = dyn_cast<ContinueStmt>(Body))
    return continueTarget(C) == Loop;
  for (const Stmt *Child : Body->children())
    if (hasContinue(Child, Loop))
      return true;
  return false;
}

const Stmt *FunctionLowering::continueTarget(const ContinueStmt *C) const {
  for (const Stmt *P = A.parent(C); P; P = A.parent(P))
    if (isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(P))
      return P;
  return nullptr;
}

namespace {
class DecltypeFinder : public RecursiveASTVisitor<DecltypeFinder> {
public:
  explicit DecltypeFinder(
      const SourceText &Src,
      std::vector<std::pair<ByteRange, const Expr *>> &Found)
      : Src(Src), Found(Found) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitDecltypeTypeLoc(DecltypeTypeLoc TL) {
    if (auto R = Src.range(TL.getSourceRange()))
      Found.push_back({*R, TL.getUnderlyingExpr()});
    return true;
  }

private:
  const SourceText &Src;
  std::vector<std::pair<ByteRange, const Expr *>> &Found;
};
} // namespace

/// The temporaries of \p S (not in lambdas) that no reference extends,
/// except those that bind a marker's operand (the lowering builds the
/// awaiter or the yielded value from the operand itself).
static void
collectMaterialized(const Stmt *S,
                    SmallVectorImpl<const MaterializeTemporaryExpr *> &Out,
                    bool MarkerOperand = false) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(S))
    if (!Temp->getExtendingDecl() && !MarkerOperand)
      Out.push_back(Temp);
  const auto *Call = dyn_cast<CallExpr>(S);
  bool Marker = Call && asMarker(Call);
  for (const Stmt *Child : S->children())
    collectMaterialized(Child, Out,
                        (Marker && Child == Call->getArg(0)) ||
                            (MarkerOperand && isa<ImplicitCastExpr>(S)));
}

std::optional<bool> FunctionLowering::isInstantiatedTemporary(const Expr *E) {
  // What the template shows no temporary for: a dependent expression; a
  // value-dependent one (`std::vector<int>{x}`); one that depends on
  // nothing but is passed to something that does (`Log() << x`'s Log()).
  // Of the nodes that share a range (an implicit node and what it wraps,
  // `T(x)`'s cast and construction), the outermost explicit one is kept.
  if (Instantiations == 0 ||
      isa<CXXBindTemporaryExpr, ImplicitCastExpr, ExprWithCleanups>(E))
    return false;
  auto R = exprRange(E);
  if (!R || KeptInstantiated.count({R->Begin, R->End}) ||
      (!E->isInstantiationDependent() &&
       PatternTemporaries.count({R->Begin, R->End})))
    return false;
  auto It = InstantiatedTemporaries.find({R->Begin, R->End});
  if (It == InstantiatedTemporaries.end())
    return false;
  if (!E->isPRValue() || It->second.Converts ||
      It->second.Count != Instantiations) {
    fail(E->getBeginLoc(), "awaitc cannot keep this temporary alive across "
                           "the suspension: the instantiations of this "
                           "template create different temporaries here; "
                           "store the value in a variable first");
    return std::nullopt;
  }
  KeptInstantiated.insert({R->Begin, R->End});
  return true;
}

void FunctionLowering::findInstantiatedTemporaries() {
  SmallVector<const MaterializeTemporaryExpr *, 16> Shown;
  collectMaterialized(Fn.getBody(), Shown);
  for (const MaterializeTemporaryExpr *Temp : Shown)
    if (auto R = Src.range(Temp))
      PatternTemporaries.insert({R->Begin, R->End});
  for (const FunctionDecl *Instance : instantiationsOf(Fn)) {
    if (!Instance->getBody())
      continue;
    ++Instantiations;
    SmallVector<const MaterializeTemporaryExpr *, 16> Temps;
    collectMaterialized(Instance->getBody(), Temps);
    std::set<std::pair<unsigned, unsigned>> Seen;
    for (const MaterializeTemporaryExpr *Temp : Temps) {
      // (An initializer_list's array, as outside templates, is used up by
      // the constructor that takes the list: the frame need not keep it.)
      if (Temp->getType()->isArrayType())
        continue;
      auto R = Src.range(Temp);
      if (!R || !Seen.insert({R->Begin, R->End}).second)
        continue;
      InstantiatedTemporary &Each = InstantiatedTemporaries[{R->Begin, R->End}];
      ++Each.Count;
      const Expr *Value = Temp->getSubExpr()->IgnoreParens();
      if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
        Value = Bind->getSubExpr()->IgnoreParens();
      if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Value))
        if (Cast->getCastKind() != CK_NoOp)
          Each.Converts = true;
      if (isa<CXXConstructExpr>(Value) && !isa<CXXTemporaryObjectExpr>(Value))
        Each.Converts = true;
    }
  }
}

void FunctionLowering::findDecltypes() {
  DecltypeFinder(Src, Decltypes).TraverseStmt(Fn.getBody());
}

std::optional<std::string>
FunctionLowering::decltypeText(ByteRange R, const Expr *E, EditScope Scope) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    // decltype of a name is the type it was declared with.
    QualType Declared;
    SourceLocation Loc = Ref->getLocation();
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && A.isHoisted(VD)) {
      Declared = VD->getType();
      if (Declared->isDependentType() && Declared->getContainedAutoType()) {
        // Deduced only in instantiations: from the initializer, as the
        // frame's member is.
        auto Implicit = ImplicitInits.find(VD);
        std::string Init = Implicit != ImplicitInits.end()
                               ? Implicit->second
                               : plainText(VD->getInit());
        auto Deduced = deducedTypeText(Declared, Init, /*Pointee=*/false);
        if (!Deduced || Failed)
          return std::nullopt;
        return "awaitc::detail::identity_t<" + *Deduced + ">";
      }
    }
    if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
      if (const auto *Bound =
              dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
          Bound && A.isHoisted(Bound)) {
        if (Bound->getType()->isDependentType())
          return bindingTypeText(B, *Bound);
        Declared = B->getType();
      }
    if (Declared.isNull())
      return std::nullopt;
    std::string Type =
        isa<VarDecl>(Ref->getDecl()) && Declared->isDependentType()
            ? declaredTypeText(cast<VarDecl>(Ref->getDecl()))
            : printType(Declared, Loc);
    if (Failed)
      return std::nullopt;
    return "awaitc::detail::identity_t<" + Type + ">";
  }
  if (Scope == EditScope::Factory)
    return std::nullopt; // the user's names are the factory's parameters
  auto Operand = exprRange(E);
  if (!Operand || !R.contains(*Operand))
    return std::nullopt;
  FullExpr *Saved = KeepTemporariesIn;
  KeepTemporariesIn = nullptr; // unevaluated
  std::vector<Edit> Edits;
  if (auto Whole = editFor(E, EditScope::Step))
    Edits.push_back(*Whole);
  else
    collectEdits(E, Edits, EditScope::Step);
  KeepTemporariesIn = Saved;
  if (Edits.empty())
    return std::nullopt;
  return Src.text({R.Begin, Operand->Begin}).str() +
         splice(*Operand, std::move(Edits)) +
         Src.text({Operand->End, R.End}).str();
}

std::string FunctionLowering::splice(ByteRange Outer, std::vector<Edit> Edits,
                                     EditScope Scope) {
  // decltype specifiers that no edit covers get theirs.
  std::vector<Edit> TypeEdits;
  for (const auto &[R, E] : Decltypes) {
    auto Overlaps = [&, &R = R](const Edit &Other) {
      return Other.Range.overlaps(R);
    };
    // (An enclosing decltype comes first, and covers the ones inside.)
    if (!Outer.contains(R) ||
        std::any_of(Edits.begin(), Edits.end(), Overlaps) ||
        std::any_of(TypeEdits.begin(), TypeEdits.end(), Overlaps))
      continue;
    if (auto Text = decltypeText(R, E, Scope))
      TypeEdits.push_back({R, *Text});
  }
  Edits.insert(Edits.end(), TypeEdits.begin(), TypeEdits.end());
  std::sort(Edits.begin(), Edits.end(), [](const Edit &L, const Edit &R) {
    return L.Range.Begin < R.Range.Begin;
  });
  if (std::optional<SourceText::EditProblem> Problem =
          Src.editProblem(Outer, Edits)) {
    fail(Src.location(Problem->Offset), Problem->Message);
    return std::string();
  }
  // Each piece of the user's text keeps its column where it can. (Before
  // the user's text, not before an edit's: generated text has no column of
  // its own.)
  auto Copy = [&](ByteRange Piece) {
    return columnHint(Src.line(Piece.Begin), Src.column(Piece.Begin),
                      !Src.insideMacroInvocation(Piece.Begin)) +
           Src.text(Piece).str();
  };
  // After an edit that spans lines, the user's text resumes on its own.
  auto After = [&](const Edit &E) {
    if (E.Text.find('\n') == std::string::npos && !countLineMarks(E.Text))
      return std::string();
    return lineMark(Src.line(E.Range.End));
  };
  return Src.splice(Outer, Edits, Copy, After);
}

std::optional<ByteRange> FunctionLowering::exprRange(const Expr *E) const {
  if (const CallExpr *Marker = asMarker(E->IgnoreImplicit()))
    return Src.markerRange(Marker);
  return Src.range(E);
}

/// Whether the text of \p S as a statement ends with a ';' that its source
/// range leaves out.
static bool endsWithSemicolon(const Stmt *S) {
  if (isa<Expr, ReturnStmt, BreakStmt, ContinueStmt, GotoStmt, DoStmt,
          IndirectGotoStmt>(S))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S))
    return endsWithSemicolon(If->getElse() ? If->getElse() : If->getThen());
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return endsWithSemicolon(While->getBody());
  if (const auto *For = dyn_cast<ForStmt>(S))
    return endsWithSemicolon(For->getBody());
  if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
    return endsWithSemicolon(For->getBody());
  if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    return endsWithSemicolon(Switch->getBody());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return endsWithSemicolon(Label->getSubStmt());
  if (const auto *Case = dyn_cast<SwitchCase>(S))
    return endsWithSemicolon(Case->getSubStmt());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return endsWithSemicolon(Attributed->getSubStmt());
  return false;
}

std::optional<ByteRange> FunctionLowering::statementRange(const Stmt *S) const {
  auto R = Src.range(S);
  if (!R || !endsWithSemicolon(S))
    return R;
  // Skip white space and comments to the ';'.
  llvm::StringRef Buffer = Src.buffer();
  Lexer Lex(Src.location(0), Src.langOptions(), Buffer.data(),
            Buffer.data() + R->End, Buffer.data() + Buffer.size());
  Token Next;
  Lex.LexFromRawLexer(Next);
  if (Next.is(tok::semi))
    R->End = Src.offset(Next.getLocation()) + 1;
  return R;
}

} // namespace awaitc
