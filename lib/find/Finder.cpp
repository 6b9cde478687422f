//===- Finder.cpp ---------------------------------------------------------===//
#include "find/Finder.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace awaitc {
namespace {

/// Where a marker may stand, as the visitor descends.
struct Context {
  const FunctionDecl *Function = nullptr; // innermost function body
  CoroutineKind Kind = CoroutineKind::None;
  const char *Barrier = nullptr;     // "a lambda", "a local class"...
  const char *Unevaluated = nullptr; // "sizeof", "decltype"...
  bool InDefaultArgument = false;
};

class MarkerChecker : public RecursiveASTVisitor<MarkerChecker> {
  using Base = RecursiveASTVisitor<MarkerChecker>;

public:
  MarkerChecker(ASTContext &Ctx, Diagnoser &Diag)
      : SM(Ctx.getSourceManager()), Diag(Diag) {}

  std::vector<AnnotatedFunction> Found;

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(
            D) &&
        !SM.isWrittenInMainFile(SM.getExpansionLoc(D->getLocation())))
      return true;
    return Base::TraverseDecl(D);
  }

  bool TraverseFunctionHelper(FunctionDecl *FD) {
    CoroutineKind Kind = annotationOf(*FD);
    bool Transform = Kind != CoroutineKind::None && checkAnnotated(*FD, Kind);
    Context Saved = Ctx;
    if (FD->doesThisDeclarationHaveABody()) {
      Ctx = Context();
      Ctx.Function = FD;
      Ctx.Kind = Kind;
      // A member function of a local class (or a lambda) inside an
      // annotated body is still inside it, behind a barrier.
      if (Saved.Kind != CoroutineKind::None && Kind == CoroutineKind::None) {
        Ctx.Kind = Saved.Kind;
        Ctx.Barrier = Saved.Barrier ? Saved.Barrier : "a local class";
      }
    }
    bool Result = true;
    for (ParmVarDecl *P : FD->parameters())
      if (!TraverseDecl(P))
        Result = false;
    if (FD->doesThisDeclarationHaveABody())
      Result = Result && TraverseStmt(FD->getBody());
    Ctx = Saved;
    if (Transform)
      Found.push_back(
          {FD, Kind, coroutineResultType(FD->getReturnType(), Kind)});
    return Result;
  }
  bool TraverseFunctionDecl(FunctionDecl *FD) {
    return TraverseFunctionHelper(FD);
  }
  bool TraverseCXXMethodDecl(CXXMethodDecl *FD) {
    return TraverseFunctionHelper(FD);
  }
  bool TraverseCXXConstructorDecl(CXXConstructorDecl *FD) {
    if (FD->isDefined())
      for (CXXCtorInitializer *Init : FD->inits())
        if (Init->isWritten())
          TraverseStmt(Init->getInit());
    return TraverseFunctionHelper(FD);
  }
  bool TraverseCXXDestructorDecl(CXXDestructorDecl *FD) {
    return TraverseFunctionHelper(FD);
  }
  bool TraverseCXXConversionDecl(CXXConversionDecl *FD) {
    return TraverseFunctionHelper(FD);
  }

  bool TraverseParmVarDecl(ParmVarDecl *P) {
    if (!P->hasDefaultArg() || P->hasUninstantiatedDefaultArg() ||
        P->hasUnparsedDefaultArg())
      return true;
    Context Saved = Ctx;
    Ctx.InDefaultArgument = true;
    bool Result = TraverseStmt(P->getDefaultArg());
    Ctx = Saved;
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (const Expr *Init : L->capture_inits())
      if (Init)
        TraverseStmt(const_cast<Expr *>(Init));
    CXXMethodDecl *Operator = L->getCallOperator();
    CoroutineKind Kind = annotationOf(*Operator);
    if (Kind == CoroutineKind::None)
      return withBarrier("a lambda",
                         [&] { return TraverseStmt(L->getBody()); });
    // Directly in an annotated body, the enclosing function's lowering
    // moves the lambda (transformed) into a factory; deeper inside another
    // lambda or a local class it would have to splice it into their text.
    bool Nested = Ctx.Kind != CoroutineKind::None;
    if (Nested && Ctx.Barrier) {
      // Its markers are not reported again: the annotation is the error.
      Diag.error(SM.getExpansionLoc(annotationLoc(*Operator)),
                 std::string(annotationName(Kind)) +
                     " cannot be applied to a lambda inside " + Ctx.Barrier +
                     " within an annotated function yet");
      return true;
    }
    bool Transform = checkAnnotated(*Operator, Kind);
    if (Transform && L->isGenericLambda()) {
      // Its frame could spell `auto` parameters only as decltype(p), which
      // a member named p may not follow in a class.
      Diag.error(SM.getExpansionLoc(annotationLoc(*Operator)),
                 std::string(annotationName(Kind)) +
                     " cannot be applied to a generic lambda yet; give its "
                     "parameters types");
      Transform = false;
    }
    Context Saved = Ctx;
    Ctx = Context();
    Ctx.Function = Operator;
    Ctx.Kind = Kind;
    bool Result = TraverseStmt(L->getBody());
    Ctx = Saved;
    if (Transform)
      Found.push_back({Operator, Kind,
                       coroutineResultType(Operator->getReturnType(), Kind), L,
                       Nested});
    return Result;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *RD) {
    if (!Ctx.Function)
      return Base::TraverseCXXRecordDecl(RD);
    return withBarrier("a local class",
                       [&] { return Base::TraverseCXXRecordDecl(RD); });
  }
  bool TraverseBlockExpr(BlockExpr *B) {
    return withBarrier("a block", [&] { return Base::TraverseBlockExpr(B); });
  }

  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    return unevaluated("sizeof or alignof", [&] {
      return Base::TraverseUnaryExprOrTypeTraitExpr(E);
    });
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *E) {
    return unevaluated("noexcept",
                       [&] { return Base::TraverseCXXNoexceptExpr(E); });
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    if (E->isPotentiallyEvaluated())
      return Base::TraverseCXXTypeidExpr(E);
    return unevaluated("typeid",
                       [&] { return Base::TraverseCXXTypeidExpr(E); });
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
    return unevaluated("decltype",
                       [&] { return Base::TraverseDecltypeTypeLoc(TL); });
  }

  bool VisitCallExpr(CallExpr *Call) {
    MarkerKind Kind = markerKindOf(*Call);
    if (Kind == MarkerKind::None)
      return true;
    SourceLocation Loc = SM.getExpansionLoc(Call->getBeginLoc());
    const char *Name = markerName(Kind);
    if (Ctx.InDefaultArgument) {
      Diag.error(Loc,
                 std::string(Name) + " cannot appear in a default argument");
    } else if (Ctx.Unevaluated) {
      Diag.error(Loc, std::string(Name) +
                          " cannot appear in an unevaluated "
                          "operand (" +
                          Ctx.Unevaluated + ")");
    } else if (Ctx.Barrier && Ctx.Kind != CoroutineKind::None) {
      Diag.error(Loc, std::string(Name) + " cannot appear inside " +
                          Ctx.Barrier +
                          " within an annotated function; "
                          "only the annotated function's own body may suspend");
    } else if (Ctx.Kind == CoroutineKind::None || Ctx.Barrier) {
      Diag.error(Loc, std::string(Name) +
                          " can only be used in the body of a function "
                          "annotated with " +
                          annotationName(Kind == MarkerKind::Yield
                                             ? CoroutineKind::Generator
                                             : CoroutineKind::Async));
    } else if (Kind == MarkerKind::Yield && Ctx.Kind == CoroutineKind::Async) {
      Diag.error(Loc, "YIELD cannot be used in an async function (it returns "
                      "awaitc::Coro); use AWAITC_GENERATOR and "
                      "awaitc::Generator<T> for a generator, or return "
                      "awaitc::AsyncGenerator<T> for an async generator");
    } else if (Kind != MarkerKind::Yield &&
               Ctx.Kind == CoroutineKind::Generator) {
      Diag.error(Loc, std::string(Name) +
                          " cannot be used in a generator (it returns "
                          "awaitc::Generator); only async functions may "
                          "await");
    } else if (Kind == MarkerKind::AwaitEach && !RangeOfFor.contains(Call)) {
      Diag.error(Loc, "AWAIT_EACH can only be the range of a range-based for "
                      "loop: for (decl : AWAIT_EACH(generator)) body");
    }
    return true;
  }

  /// `for (decl : AWAIT_EACH(g))`: the one place AWAIT_EACH may stand.
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *For) {
    const Expr *Range = For->getRangeInit()->IgnoreImplicit();
    if (const CallExpr *Marker = asMarker(Range))
      if (markerKindOf(*Marker) == MarkerKind::AwaitEach)
        RangeOfFor.insert(Marker);
    return Base::TraverseCXXForRangeStmt(For);
  }

private:
  template <class F> bool withBarrier(const char *What, F Traverse) {
    Context Saved = Ctx;
    Ctx.Barrier = What;
    bool Result = Traverse();
    Ctx = Saved;
    return Result;
  }
  template <class F> bool unevaluated(const char *What, F Traverse) {
    Context Saved = Ctx;
    Ctx.Unevaluated = What;
    bool Result = Traverse();
    Ctx = Saved;
    return Result;
  }

  /// Whether an annotated function is one awaitc can transform; diagnoses
  /// it if not.
  bool checkAnnotated(const FunctionDecl &FD, CoroutineKind Kind) {
    SourceLocation Loc = FD.getLocation();
    std::string What = std::string(annotationName(Kind)) + " ";
    if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD) ||
        isa<CXXConversionDecl>(FD)) {
      Diag.error(Loc, What + "cannot be applied to a constructor, destructor "
                             "or conversion function");
      return false;
    }
    if (!FD.doesThisDeclarationHaveABody()) {
      // The annotation a definition inherits from an earlier declaration is
      // fine; one written on a declaration without a body is not.
      for (const auto *A : FD.specific_attrs<AnnotateAttr>())
        if (!A->isInherited()) {
          Diag.error(Loc, What + "must be written on a function definition; "
                                 "this declaration has no body");
          return false;
        }
      return false;
    }
    if (coroutineResultType(FD.getReturnType(), Kind).isNull()) {
      Diag.error(Loc,
                 What + "function must return " +
                     (Kind == CoroutineKind::Generator
                          ? "awaitc::Generator<T>"
                          : "awaitc::Coro<T> or awaitc::AsyncGenerator<T>") +
                     ", not '" + FD.getReturnType().getAsString() + "'",
                 FD.getReturnTypeSourceRange());
      return false;
    }
    if (isa<CXXTryStmt>(FD.getBody())) {
      Diag.error(FD.getBody()->getBeginLoc(),
                 What + "function cannot have a function-try-block; put a "
                        "try block inside the body instead");
      return false;
    }
    if (FD.isVariadic()) {
      Diag.error(Loc, What + "cannot be applied to a C-style variadic "
                             "function");
      return false;
    }
    return true;
  }

  const SourceManager &SM;
  Diagnoser &Diag;
  Context Ctx;
  llvm::DenseSet<const CallExpr *> RangeOfFor;
};

} // namespace

SourceRange AnnotatedFunction::sourceRange() const {
  return Lambda ? Lambda->getSourceRange() : Function->getSourceRange();
}

std::vector<AnnotatedFunction> findAnnotatedFunctions(ASTContext &Ctx,
                                                      Diagnoser &Diag) {
  MarkerChecker Checker(Ctx, Diag);
  Checker.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(Checker.Found);
}

} // namespace awaitc
