//===- DeclaredTypes.cpp - Types as the frame class spells them -----------===//
//
// The declared type of a local, of a structured binding's element and of
// any expression, spelled so that the frame class (outside the function
// body) can name it.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

/// Which of its declaration's bindings \p B is, from 0.
static unsigned bindingIndex(const BindingDecl *B,
                             const DecompositionDecl &Bound) {
  unsigned Index = 0;
  for (const BindingDecl *Other : Bound.bindings()) {
    if (Other == B)
      break;
    ++Index;
  }
  return Index;
}

std::string
FunctionLowering::bindingTypeText(const BindingDecl *B,
                                  const DecompositionDecl &Bound) const {
  return "awaitc::detail::structured_binding_t<" +
         std::to_string(bindingIndex(B, Bound)) + ", " +
         std::to_string(Bound.bindings().size()) +
         ", std::remove_reference_t<decltype(" + referenceTo(&Bound) + ")>>";
}

std::optional<std::string>
FunctionLowering::bindingText(const BindingDecl *B) const {
  const auto *Bound =
      dyn_cast_or_null<DecompositionDecl>(B->getDecomposedDecl());
  if (!Bound || !A.isHoisted(Bound))
    return std::nullopt;
  std::string Object = referenceTo(Bound);
  unsigned Index = bindingIndex(B, *Bound);
  const Expr *Binding = B->getBinding();
  if (!Binding || Bound->getType()->isDependentType())
    // In a template: which form of binding applies is known only once the
    // bound type is; the runtime applies C++'s rules then.
    return "awaitc::detail::structured_binding<" + std::to_string(Index) +
           ", " + std::to_string(Bound->bindings().size()) + ">(" + Object +
           ")";
  Binding = Binding->IgnoreImplicit();
  if (const auto *Member = dyn_cast<MemberExpr>(Binding))
    return Object + "." + Member->getMemberDecl()->getNameAsString();
  if (isa<ArraySubscriptExpr>(Binding))
    return Object + "[" + std::to_string(Index) + "]";
  // A tuple-like type: the binding names a variable initialized with
  // get<i>(e) or e.get<i>(), called again where it is used.
  const VarDecl *Holding = B->getHoldingVar();
  if (!Holding || !Holding->getInit())
    return std::nullopt;
  const Expr *Get = Holding->getInit()->IgnoreImplicit();
  std::string I = std::to_string(Index);
  if (isa<CXXMemberCallExpr>(Get))
    return "(" + Object + ".template get<" + I + ">())";
  if (const auto *Call = dyn_cast<CallExpr>(Get))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return "(" + Callee->getQualifiedNameAsString() + "<" + I + ">(" +
             Object + "))";
  return std::nullopt;
}

std::string FunctionLowering::declaredTypeText(const VarDecl *VD) {
  QualType T = VD->getType();
  if (T->isDependentType() && !T->getContainedAutoType())
    if (const TypeSourceInfo *Info = VD->getTypeSourceInfo())
      if (auto Written = Src.range(Info->getTypeLoc().getSourceRange());
          Written && llvm::any_of(Decltypes, [&](const auto &Each) {
            return Written->contains(Each.first);
          }))
        return writtenTypeText(Info->getTypeLoc());
  return printType(T, VD->getLocation(), isWrittenType(VD), VD->getInit());
}

std::string FunctionLowering::writtenTypeText(TypeLoc TL) {
  // Declarators are spelled anew around their parts: a TypeLoc's source
  // range leaves out the qualifiers written before it (`const T *`).
  if (auto Qualified = TL.getAs<QualifiedTypeLoc>())
    return cvPrefix(TL.getType()) +
           writtenTypeText(Qualified.getUnqualifiedLoc());
  if (auto Pointer = TL.getAs<PointerTypeLoc>())
    return writtenTypeText(Pointer.getPointeeLoc()) + " *";
  if (auto Reference = TL.getAs<LValueReferenceTypeLoc>())
    return writtenTypeText(Reference.getPointeeLoc()) + " &";
  if (auto Reference = TL.getAs<RValueReferenceTypeLoc>())
    return writtenTypeText(Reference.getPointeeLoc()) + " &&";
  if (auto Array = TL.getAs<ArrayTypeLoc>())
    if (const Expr *Size = Array.getSizeExpr())
      if (auto Length = Src.range(Size->getSourceRange()))
        return writtenTypeText(Array.getElementLoc()) + " [" +
               Src.text(*Length).str() + "]";
  auto Written = Src.range(TL.getSourceRange());
  if (!Written || TL.getAs<ArrayTypeLoc>() || TL.getAs<ParenTypeLoc>() ||
      TL.getAs<FunctionTypeLoc>()) {
    fail(TL.getBeginLoc(), "awaitc cannot spell this type in the frame; "
                           "name it with a type alias first");
    return "int";
  }
  return withoutColumnHints(splice(*Written, {}));
}

std::string FunctionLowering::referenceTo(const VarDecl *VD) const {
  auto It = SlotOf.find(VD);
  std::string Name =
      A.isHoisted(VD) ? std::string(A.memberName(VD)) : VD->getNameAsString();
  if (It != SlotOf.end() &&
      Model.Slots[It->second].Kind == FrameSlot::Storage::Pointer)
    return "(*" + Name + ")";
  if (A.isHoisted(VD) && VD->getType()->isReferenceType())
    return "(*" + Name + ")";
  return Name;
}

const LambdaExpr *FunctionLowering::lambdaWithoutFactory(const Stmt *S) const {
  if (!S)
    return nullptr;
  if (const auto *L = dyn_cast<LambdaExpr>(S))
    return Factories.count(L) ? nullptr : L;
  for (const Stmt *Child : S->children())
    if (const LambdaExpr *L = lambdaWithoutFactory(Child))
      return L;
  return nullptr;
}

std::string FunctionLowering::plainText(const Expr *E) {
  if (lambdaWithoutFactory(E)) {
    fail(E->getBeginLoc(), "in a template, awaitc names this type with "
                           "decltype, which cannot hold a lambda in C++17; "
                           "store the lambda in a variable first");
    return "0";
  }
  FullExpr *Saved = KeepTemporariesIn;
  KeepTemporariesIn = nullptr;
  bool SavedNaming = NamingType;
  NamingType = true;
  std::string Text = withoutColumnHints(rewrite(E));
  NamingType = SavedNaming;
  KeepTemporariesIn = Saved;
  return Text;
}

std::string FunctionLowering::printType(QualType T, SourceLocation Loc,
                                        bool Written, const Expr *Of,
                                        bool Pointee) {
  if (auto Closure = closureSpelling(T, Of))
    return *Closure;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressTagKeyword = true;
  if (T->isDependentType() || T->isUndeducedType()) {
    // In a template: the type as written if it is (T, std::vector<T>...),
    // else the decltype of an expression of that type.
    if (!T->getContainedDeducedType()) {
      std::string Text = TypeName::getFullyQualifiedName(T, Ctx, Policy, false);
      // Clang's spellings of what has no name in the source (a user's
      // type may well be called dependent_box).
      if (Text.find("type-parameter-") == std::string::npos &&
          Text.find("<dependent type>") == std::string::npos)
        return Text;
    }
    std::string Source = Of ? plainText(Of) : ImplicitSpelling;
    std::optional<std::string> Spelled;
    if (!Source.empty() && T->getContainedAutoType()) {
      Spelled = deducedTypeText(T, Source, Pointee);
    } else if (!Source.empty()) {
      std::string Type = "decltype((" + Source + "))";
      Spelled = cvPrefix(T) + (Pointee ? "std::remove_reference_t<" + Type + ">"
                                       : "std::decay_t<" + Type + ">");
    }
    if (Spelled)
      return *Spelled;
    fail(Loc, "awaitc cannot name the type '" + T.getAsString() +
                  "' in this template");
    return "int";
  }
  std::string Text;
  if (Written) {
    Text = TypeName::getFullyQualifiedName(T, Ctx, Policy,
                                           /*WithGlobalNsPrefix=*/false);
  } else {
    // Every name in a canonical type, template arguments included, fully
    // qualified.
    PrintingPolicy Canonical = Policy;
    Canonical.FullyQualifiedName = true;
    Canonical.PrintCanonicalTypes = true;
    Text = T.getCanonicalType().getAsString(Canonical);
  }
  if (Text.find("<overloaded function type>") != std::string::npos ||
      Text.find("<bound member function type>") != std::string::npos ||
      Text.find("<dependent type>") != std::string::npos) {
    fail(Loc, "awaitc cannot name the type of this expression; store it in "
              "a variable first");
    return "int";
  }
  const Type *Base = T->getBaseElementTypeUnsafe();
  if (const auto *Pointee = Base->getPointeeType().getTypePtrOrNull())
    Base = Pointee;
  const CXXRecordDecl *Record = Base->getAsCXXRecordDecl();
  bool Unnamed = Text.find("(lambda") != std::string::npos ||
                 Text.find("(unnamed") != std::string::npos ||
                 Text.find("(anonymous") != std::string::npos;
  bool Local = Record && Record->getParentFunctionOrMethod() != nullptr;
  if (Unnamed || Local)
    fail(Loc, "the type '" + T.getCanonicalType().getAsString(Policy) +
                  "' cannot be named outside the function, so a value of it "
                  "cannot live across a suspension yet");
  return Text;
}

std::optional<ByteRange>
FunctionLowering::parenthesizedInit(const VarDecl *VD) {
  SourceLocation Start = afterName(VD, Src.sourceManager(), Src.langOptions());
  if (Start.isMacroID())
    return std::nullopt;
  unsigned Begin = Src.offset(Start);
  llvm::StringRef Buffer = Src.buffer();
  Lexer Lex(Src.location(0), Src.langOptions(), Buffer.data(),
            Buffer.data() + Begin, Buffer.data() + Buffer.size());
  Token Tok;
  int Depth = 0;
  bool Opened = false;
  while (!Lex.LexFromRawLexer(Tok)) {
    if (Tok.isOneOf(tok::l_paren, tok::l_brace, tok::l_square)) {
      if (!Opened)
        Begin = Src.offset(Tok.getLocation());
      Opened = true;
      ++Depth;
    } else if (Tok.isOneOf(tok::r_paren, tok::r_brace, tok::r_square)) {
      if (--Depth == 0)
        return ByteRange{Begin, Src.offset(Tok.getLocation()) + 1};
    } else if (!Opened) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string FunctionLowering::declaratorText(const DeclStmt *DS,
                                             const VarDecl *VD,
                                             FullExpr *Lowered) {
  // Copied with the usual edits, or with its initializer lowered.
  auto Text = [&](ByteRange R) {
    return Lowered ? lowerExprInto(VD->getInit(), R, *Lowered)
                   : rewriteRange(R, VD->getInit());
  };
  // `int a = 1, *b = &a;` -> "int *b = &a" for the second declarator.
  const auto *First = cast<VarDecl>(*DS->decl_begin());
  auto Specifiers =
      Src.range(SourceRange(DS->getBeginLoc(), First->getTypeSpecEndLoc()));
  auto Own = Src.range(SourceRange(VD->getLocation(), VD->getEndLoc()));
  // `int v(f())`: the initializer expression ends before the `)`.
  auto WithParentheses = [&](std::optional<ByteRange> R) {
    if (R && VD->getInit() && VD->getInitStyle() == VarDecl::CallInit)
      if (auto Written = parenthesizedInit(VD))
        R->End = std::max(R->End, Written->End);
    return R;
  };
  Own = WithParentheses(Own);
  if (First == VD || !Specifiers || !Own) {
    auto R = WithParentheses(
        Src.range(SourceRange(DS->getBeginLoc(), VD->getEndLoc())));
    if (!R) {
      fail(VD->getLocation(), "awaitc cannot copy this declaration");
      return "";
    }
    return Text(*R);
  }
  // The declarator starts after the comma that precedes it.
  unsigned Start = Own->Begin;
  llvm::StringRef Buffer = Src.buffer();
  while (Start > 0 && Buffer[Start - 1] != ',')
    --Start;
  return Src.text(*Specifiers).str() + " " + Text({Start, Own->End});
}

} // namespace awaitc
