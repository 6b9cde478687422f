//===- Cxx20Emitter.cpp ---------------------------------------------------===//
#include "emit/Cxx20Emitter.h"

#include "analyse/Analysis.h"
#include "find/Annotations.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <numeric>
#include <tuple>

using namespace clang;

namespace awaitc {
namespace {

/// Collects the edits of one annotated body. Lambdas and local classes in
/// it are not part of the coroutine: their `return`s stay, and an
/// annotated lambda is a coroutine of its own (the Finder lists it).
class BodyRewriter : public RecursiveASTVisitor<BodyRewriter> {
  using Base = RecursiveASTVisitor<BodyRewriter>;

public:
  BodyRewriter(const SourceText &Src, Diagnoser &Diag, std::vector<Edit> &Edits)
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
    const char *Keyword = Kind == MarkerKind::Yield ? "co_yield" : "co_await";
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
    // The loop that owns it rewrites it (TraverseCXXForRangeStmt).
    if (Kind == MarkerKind::AwaitEach)
      return true;
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

  /// for (DECL : AWAIT_EACH(EXPR)) BODY
  ///   -> for (auto &&G = EXPR; auto N = co_await G.next();)
  ///        if (DECL = *N; false) {} else BODY
  /// EXPR stays where it is (with its own edits); DECL moves behind it,
  /// and the lines after the loop header keep their numbers. BODY in the
  /// `else` keeps an `else` that follows the loop with the `if` it belongs
  /// to, and `break` and `continue` in BODY with the loop.
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
    bool Result = Base::TraverseCXXForRangeStmt(For);
    // After the edits inside the loop, which end where these begin.
    const CallExpr *Marker = asMarker(For->getRangeInit()->IgnoreImplicit());
    if (Marker && markerKindOf(*Marker) == MarkerKind::AwaitEach)
      rewriteAwaitEach(For, Marker);
    return Result;
  }

  bool VisitReturnStmt(ReturnStmt *R) {
    if (yieldOf(R))
      return true; // the marker's own edit makes it `co_yield`
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
  void rewriteAwaitEach(const CXXForRangeStmt *For, const CallExpr *Marker) {
    SourceLocation Loc =
        Src.sourceManager().getExpansionLoc(Marker->getBeginLoc());
    std::optional<ByteRange> Whole = Src.markerRange(Marker);
    // The argument where it is written (inside the marker's parentheses).
    const SourceManager &SM = Src.sourceManager();
    SourceLocation First = SM.getSpellingLoc(Marker->getArg(0)->getBeginLoc());
    SourceLocation Last = SM.getSpellingLoc(Marker->getArg(0)->getEndLoc());
    std::optional<ByteRange> Arg;
    if (Marker->getBeginLoc().isMacroID() && SM.isWrittenInMainFile(First) &&
        SM.isWrittenInMainFile(Last))
      Arg = ByteRange{SM.getFileOffset(First),
                      SM.getFileOffset(Last) +
                          Lexer::MeasureTokenLength(Last, SM,
                                                    Src.langOptions())};
    else
      Arg = Src.range(Marker->getArg(0));
    // The `(` after `for` (the AST does not record where it is).
    std::optional<ByteRange> Open =
        Src.range(SourceRange(For->getForLoc(), For->getForLoc()));
    if (Open) {
      StringRef Buffer = Src.buffer();
      unsigned Paren = Buffer.find_first_not_of(" \t\r\n", Open->End);
      Open = Paren < Buffer.size() && Buffer[Paren] == '('
                 ? std::optional<ByteRange>(ByteRange{Paren, Paren + 1})
                 : std::nullopt;
    }
    std::optional<ByteRange> Colon =
        Src.range(SourceRange(For->getColonLoc(), For->getColonLoc()));
    std::optional<ByteRange> Close = Src.range(
        SourceRange(For->getRParenLoc(), For->getRParenLoc()));
    if (!Whole || !Arg || !Open || !Colon || !Close ||
        For->getInit() || !(Open->End <= Colon->Begin) ||
        !(Colon->End <= Whole->Begin) || !(Whole->Begin < Arg->Begin) ||
        !(Arg->End < Whole->End) || !(Whole->End <= Close->Begin)) {
      Diag.error(Loc, "awaitc cannot rewrite this AWAIT_EACH loop with "
                      "--emit=cxx20: its header is spelled inside a macro");
      return;
    }
    StringRef Buffer = Src.buffer();
    // The line breaks of a removed text, and the indentation of the text
    // after them, so that the code that follows stays on its line and
    // column.
    auto Newlines = [&](unsigned Begin, unsigned End) {
      StringRef Removed = Buffer.slice(Begin, End);
      size_t LastBreak = Removed.rfind('\n');
      if (LastBreak == StringRef::npos)
        return std::string();
      return std::string(Removed.count('\n'), '\n') +
             std::string(Removed.size() - LastBreak - 1, ' ');
    };
    std::string Decl = Src.text({Open->End, Colon->Begin}).trim().str();
    std::replace(Decl.begin(), Decl.end(), '\n', ' ');
    std::string N = std::to_string(++Loops);
    std::string Generator = "awaitc_each_generator_" + N;
    std::string Next = "awaitc_each_next_" + N;
    Edits.push_back({{Open->End, Arg->Begin},
                     "auto &&" + Generator + " =" +
                         (Newlines(Open->End, Arg->Begin).empty()
                              ? " "
                              : Newlines(Open->End, Arg->Begin))});
    Edits.push_back({{Arg->End, Close->End},
                     "; auto " + Next + " = co_await " + Generator +
                         ".next();) if (" + Decl + " = *" + Next +
                         "; false) {} else" + Newlines(Arg->End, Close->End)});
    HasCoroutineKeyword = true;
  }

  const SourceText &Src;
  Diagnoser &Diag;
  std::vector<Edit> &Edits;
  unsigned Loops = 0;
  unsigned HandlerDepth = 0;
  const char *StaticInit = nullptr;
};

/// Whether control can obviously not reach the end of \p Body.
static bool endsWithJump(const CompoundStmt &Body) {
  if (Body.body_empty())
    return false;
  const Stmt *Last = Body.body_back();
  if (const auto *E = dyn_cast<Expr>(Last))
    Last = E->IgnoreImplicit()->IgnoreParens();
  return (isa<ReturnStmt>(Last) && !yieldOf(Last)) || isa<CXXThrowExpr>(Last);
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

/// Adds the edits that make \p F a C++20 coroutine to \p Edits.
static void rewriteFunction(const AnnotatedFunction &F, const SourceText &Src,
                            Diagnoser &Diag, std::vector<Edit> &Edits) {
  if (!checkExpressible(F, Diag))
    return;
  const auto *Body = cast<CompoundStmt>(F.Function->getBody());
  BodyRewriter Rewriter(Src, Diag, Edits);
  Rewriter.TraverseStmt(const_cast<CompoundStmt *>(Body));
  std::optional<ByteRange> Close =
      Src.range(SourceRange(Body->getRBracLoc(), Body->getRBracLoc()));
  if (!Close) {
    Diag.error(F.Function->getLocation(),
               "awaitc cannot rewrite this function: its body is not "
               "contiguous text in this file (is it produced by a macro?)");
    return;
  }
  // A value-returning body that flows off its end throws, as a state
  // machine does (C++20 makes it undefined behaviour); the promise decides
  // for a dependent result type, which may be void.
  std::string End;
  bool MayReturnValue = F.Kind == CoroutineKind::Async &&
                        !F.ResultType.isNull() && !F.ResultType->isVoidType();
  // (A body without a co_ keyword needs one even after a final throw.)
  if (MayReturnValue && (!endsWithJump(*Body) || !Rewriter.HasCoroutineKeyword))
    End = F.ResultType->isDependentType()
              ? "co_await ::awaitc::detail::FlowedOffEnd{}; "
              : "co_return ::awaitc::detail::FlowedOffEnd{}; ";
  else if (!Rewriter.HasCoroutineKeyword)
    End = "co_return; ";
  if (!End.empty())
    Edits.push_back({{Close->Begin, Close->Begin}, End});
  // The compiler knows a lambda's call operator by no name; its frames
  // print the one a state machine's would, which the promise reads from
  // the closure's type. (A lambda that is not contiguous text here cannot
  // be a state machine either: it keeps the promise's name, `lambda`.)
  std::optional<ByteRange> Lambda =
      F.Lambda ? Src.range(F.Lambda) : std::nullopt;
  if (Lambda) {
    // An identifier needs no escapes in a string literal.
    Edits.push_back(
        {{Lambda->Begin, Lambda->Begin},
         "::awaitc::detail::named_lambda<\"" + functionNameOf(F) + "\">("});
    Edits.push_back({{Lambda->End, Lambda->End}, ")"});
  }
}

std::optional<std::string> emitCxx20(ArrayRef<AnnotatedFunction> Functions,
                                     const SourceText &Src, ASTContext &Ctx,
                                     Diagnoser &Diag) {
  (void)Ctx;
  std::vector<Edit> Edits;
  for (const AnnotatedFunction &F : Functions)
    rewriteFunction(F, Src, Diag, Edits);
  if (Diag.hasErrors())
    return std::nullopt;
  // Edits at one offset apply in the order they were made. (An index
  // tie-break rather than std::stable_sort, whose temporary buffer
  // libstdc++ implements with a deprecated function that Clang warns about.)
  std::vector<unsigned> Order(Edits.size());
  std::iota(Order.begin(), Order.end(), 0u);
  llvm::sort(Order, [&](unsigned L, unsigned R) {
    return std::tie(Edits[L].Range.Begin, L) <
           std::tie(Edits[R].Range.Begin, R);
  });
  std::vector<Edit> Sorted;
  for (unsigned Index : Order)
    Sorted.push_back(std::move(Edits[Index]));
  ByteRange Whole{0, static_cast<unsigned>(Src.buffer().size())};
  if (std::optional<SourceText::EditProblem> Problem =
          Src.editProblem(Whole, Sorted)) {
    Diag.error(Src.location(Problem->Offset), Problem->Message);
    return std::nullopt;
  }
  return Src.splice(Whole, Sorted);
}

} // namespace awaitc
