//===- Cxx20Emitter.cpp ---------------------------------------------------===//
#include "awaitc-tool/Cxx20Emitter.h"

#include "awaitc-tool/Annotations.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"

#include <algorithm>

using namespace clang;

namespace awaitc {
namespace {

struct TextEdit {
  ByteRange Range; // empty: an insertion
  std::string Text;
};

/// Collects the edits of one annotated body. Lambdas and local classes in
/// it are not part of the coroutine: their `return`s stay, and an
/// annotated lambda is a coroutine of its own (the Finder lists it).
class BodyRewriter : public RecursiveASTVisitor<BodyRewriter> {
  using Base = RecursiveASTVisitor<BodyRewriter>;

public:
  BodyRewriter(const SourceText &Src, Diagnoser &Diag,
               std::vector<TextEdit> &Edits)
      : Src(Src), Diag(Diag), Edits(Edits) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  /// True if the body got a co_ keyword (a coroutine needs one).
  bool HasCoroutineKeyword = false;

  bool TraverseLambdaExpr(LambdaExpr *L) {
    // Init-captures are evaluated by the enclosing body.
    for (const Expr *Init : L->capture_inits())
      if (Init)
        TraverseStmt(const_cast<Expr *>(Init));
    return true;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool TraverseCXXCatchStmt(CXXCatchStmt *Catch) {
    ++HandlerDepth;
    bool Result = Base::TraverseCXXCatchStmt(Catch);
    --HandlerDepth;
    return Result;
  }

  bool TraverseVarDecl(VarDecl *VD) {
    const char *Saved = StaticInit;
    if (VD->isStaticLocal())
      StaticInit = VD->getTSCSpec() != TSCS_unspecified
                       ? "a thread_local variable"
                       : "a static local variable";
    bool Result = Base::TraverseVarDecl(VD);
    StaticInit = Saved;
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    MarkerKind Kind = markerKindOf(*Call);
    if (Kind == MarkerKind::None)
      return true;
    SourceLocation Loc = Src.sourceManager().getExpansionLoc(Call->getBeginLoc());
    const char *Name = markerName(Kind);
    const char *Keyword = Kind == MarkerKind::Await ? "co_await" : "co_yield";
    if (HandlerDepth) {
      Diag.error(Loc, std::string(Name) +
                          " cannot be used in a catch handler with "
                          "--emit=cxx20: C++20 does not allow " +
                          Keyword +
                          " in a handler; catch the exception, leave the "
                          "handler, then suspend");
      return true;
    }
    if (StaticInit) {
      Diag.error(Loc, std::string(Name) +
                          " cannot be used in the initializer of " +
                          StaticInit + " with --emit=cxx20: C++20 does not "
                          "allow " + Keyword + " there");
      return true;
    }
    std::optional<ByteRange> Whole = Src.markerRange(Call);
    std::optional<ByteRange> NameRange;
    if (Whole && Call->getBeginLoc().isMacroID()) {
      unsigned End = Whole->Begin;
      StringRef Buffer = Src.buffer();
      while (End < Whole->End &&
             (isalnum(static_cast<unsigned char>(Buffer[End])) ||
              Buffer[End] == '_'))
        ++End;
      NameRange = ByteRange{Whole->Begin, End};
    } else if (Whole) {
      // `::awaitc::markers::await_(x)`, written out.
      NameRange = Src.range(Call->getCallee()->getSourceRange());
    }
    if (!Whole || !NameRange || NameRange->Begin != Whole->Begin ||
        Src.buffer()[Whole->End - 1] != ')') {
      Diag.error(Loc, std::string("awaitc cannot rewrite this ") + Name +
                          ": it is spelled inside another macro");
      return true;
    }
    std::string Opening = std::string("(") + Keyword + " ";
    if (Kind == MarkerKind::Yield && Call->getNumArgs() == 1 &&
        !Call->getArg(0)->isTypeDependent() && Call->getArg(0)->isXValue())
      Opening += "::awaitc::detail::yielded_xvalue";
    Edits.push_back({*NameRange, Opening});
    Edits.push_back({{Whole->End, Whole->End}, ")"});
    HasCoroutineKeyword = true;
    return true;
  }

  bool VisitReturnStmt(ReturnStmt *R) {
    std::optional<ByteRange> Keyword = Src.range(
        SourceRange(R->getReturnLoc(), R->getReturnLoc()));
    if (!Keyword || Src.text(*Keyword) != "return") {
      Diag.error(Src.sourceManager().getExpansionLoc(R->getReturnLoc()),
                 "awaitc cannot rewrite this return into co_return: it is "
                 "spelled inside a macro");
      return true;
    }
    Edits.push_back({*Keyword, "co_return"});
    HasCoroutineKeyword = true;
    return true;
  }

private:
  const SourceText &Src;
  Diagnoser &Diag;
  std::vector<TextEdit> &Edits;
  unsigned HandlerDepth = 0;
  const char *StaticInit = nullptr;
};

/// Whether control can obviously not reach the end of \p Body.
static bool endsWithJump(const CompoundStmt &Body) {
  if (Body.body_empty())
    return false;
  const Stmt *Last = Body.body_back();
  if (const auto *E = dyn_cast<Expr>(Last))
    Last = E->IgnoreParenImpCasts();
  return isa<ReturnStmt, CXXThrowExpr>(Last);
}

/// Problems C++20 coroutines have that the state machine does not.
static bool checkExpressible(const AnnotatedFunction &F, Diagnoser &Diag) {
  const FunctionDecl &FD = *F.Function;
  if (FD.isConstexpr()) {
    Diag.error(FD.getLocation(),
               std::string(annotationName(F.Kind)) +
                   " function cannot be constexpr or consteval with "
                   "--emit=cxx20: a C++20 coroutine cannot be");
    return false;
  }
  if (F.Lambda && F.Lambda->capture_size() != 0) {
    // The coroutine would refer to its captures through the lambda object,
    // which is usually gone by the time it resumes; awaitc copies them.
    Diag.error(F.Lambda->getBeginLoc(),
               std::string(annotationName(F.Kind)) +
                   " lambda that captures cannot be emitted with "
                   "--emit=cxx20: a C++20 coroutine's captures live in the "
                   "lambda object, which may die while it is suspended; pass "
                   "them as parameters");
    return false;
  }
  return true;
}

} // namespace

std::optional<std::string> emitCxx20(ArrayRef<AnnotatedFunction> Functions,
                                     const SourceText &Src, ASTContext &Ctx,
                                     Diagnoser &Diag) {
  (void)Ctx;
  std::vector<TextEdit> Edits;
  for (const AnnotatedFunction &F : Functions) {
    if (!checkExpressible(F, Diag))
      continue;
    const auto *Body = cast<CompoundStmt>(F.Function->getBody());
    BodyRewriter Rewriter(Src, Diag, Edits);
    Rewriter.TraverseStmt(const_cast<CompoundStmt *>(Body));
    std::optional<ByteRange> Close = Src.range(
        SourceRange(Body->getRBracLoc(), Body->getRBracLoc()));
    if (!Close) {
      Diag.error(F.Function->getLocation(),
                 "awaitc cannot rewrite this function: its body is not "
                 "contiguous text in this file (is it produced by a macro?)");
      continue;
    }
    // A value-returning body that flows off its end throws, as a state
    // machine does (C++20 makes it undefined behaviour); the promise decides
    // for a dependent result type, which may be void.
    std::string End;
    bool MayReturnValue = F.Kind == CoroutineKind::Async &&
                          !F.ResultType.isNull() &&
                          !F.ResultType->isVoidType();
    if (MayReturnValue && !endsWithJump(*Body))
      End = F.ResultType->isDependentType()
                ? "co_await ::awaitc::detail::FlowedOffEnd{}; "
                : "co_return ::awaitc::detail::FlowedOffEnd{}; ";
    else if (!Rewriter.HasCoroutineKeyword)
      End = "co_return; ";
    if (!End.empty())
      Edits.push_back({{Close->Begin, Close->Begin}, End});
  }
  if (Diag.hasErrors())
    return std::nullopt;

  std::stable_sort(Edits.begin(), Edits.end(),
                   [](const TextEdit &L, const TextEdit &R) {
                     return L.Range.Begin < R.Range.Begin;
                   });
  std::string Text;
  unsigned Pos = 0;
  for (const TextEdit &E : Edits) {
    if (E.Range.Begin < Pos) {
      Diag.error(Src.location(E.Range.Begin),
                 "awaitc cannot rewrite overlapping code here");
      return std::nullopt;
    }
    // Text in a macro argument is edited where the user wrote it: right
    // only if the macro uses the argument once, as tokens.
    if (auto Macro = Src.opaqueMacroAt(E.Range)) {
      Diag.error(Src.location(E.Range.Begin),
                 "awaitc cannot rewrite this code in an argument of the "
                 "macro '" +
                     Macro->str() +
                     "': the macro stringizes, pastes or repeats that "
                     "argument");
      return std::nullopt;
    }
    Text += Src.text({Pos, E.Range.Begin}).str();
    Text += E.Text;
    Pos = E.Range.End;
  }
  Text += Src.text({Pos, static_cast<unsigned>(Src.buffer().size())}).str();
  return Text;
}

} // namespace awaitc
