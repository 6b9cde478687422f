//===- LambdaUses.cpp -----------------------------------------------------===//
#include "analyse/LambdaUses.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace awaitc {
namespace {

bool captures(const LambdaExpr &Lambda, const Decl *D) {
  for (const LambdaCapture &Capture : Lambda.captures())
    if (Capture.capturesVariable() && Capture.getCapturedVar() == D)
      return true;
  return false;
}

/// Whether \p D is a capture of \p F, an annotated lambda.
bool isCaptureOf(const Decl *D, const AnnotatedFunction &F) {
  return F.Lambda && captures(*F.Lambda, D);
}

/// Whether \p D belongs to the annotated function \p F: declared in its
/// body itself (not in a lambda or local class within it), or one of its
/// captures.
bool ownedBy(const Decl *D, const AnnotatedFunction &F) {
  const DeclContext *Context = D->getDeclContext();
  while (Context && !Context->isFunctionOrMethod()) {
    // An enumerator's context is its enum, a local class's member's is the
    // class: what matters is the function that encloses them.
    if (!isa<TagDecl>(Context))
      return false;
    Context = Context->getParent();
  }
  return Context == F.Function || isCaptureOf(D, F);
}

class UsesFinder : public RecursiveASTVisitor<UsesFinder> {
public:
  UsesFinder(const LambdaExpr &Lambda, const AnnotatedFunction &Fn,
             LambdaUses &Out)
      : Lambda(Lambda), Fn(Fn), Out(Out) {}
  bool shouldVisitImplicitCode() const { return false; }

  /// Uses in init-capture initializers are evaluated where the lambda is
  /// created, so any local may appear there.
  bool InInitCapture = false;

  void addLocal(const VarDecl *VD) {
    if (Seen.insert(VD).second)
      Out.Locals.push_back(VD);
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const ValueDecl *D = Ref->getDecl();
    if (!ownedBy(D, Fn))
      return true;
    std::string Name = D->getNameAsString();
    if (isa<BindingDecl>(D))
      return problem(Ref->getLocation(),
                     LambdaUses::Obstacle::StructuredBinding, Name);
    if (isa<EnumConstantDecl>(D))
      return problem(Ref->getLocation(), LambdaUses::Obstacle::LocalEnumerator,
                     Name);
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return true;
    if (InDecltype)
      return problem(Ref->getLocation(), LambdaUses::Obstacle::NameInDecltype,
                     Name);
    if (!InInitCapture) {
      if (VD->isStaticLocal())
        return problem(Ref->getLocation(), LambdaUses::Obstacle::StaticLocal,
                       Name);
      if (VD->isConstexpr() && !captures(Lambda, VD))
        return problem(Ref->getLocation(), LambdaUses::Obstacle::ConstexprLocal,
                       Name);
      // (In a template, Clang may leave a use of a default capture's
      // dependent local out of the captures.)
      if (!captures(Lambda, VD) && Lambda.getCaptureDefault() == LCD_None)
        return problem(Ref->getLocation(),
                       LambdaUses::Obstacle::UncapturedLocal, Name);
    }
    addLocal(VD);
    return true;
  }

  bool VisitCXXThisExpr(CXXThisExpr *) {
    // `[p = this]`: the object is used where the lambda is created.
    if (InInitCapture)
      Out.UsesThis = true;
    return true;
  }

  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc TL) {
    // In the factory each local is a reference parameter: decltype(x)
    // would name a reference type where the user's code names x's type.
    bool Saved = InDecltype;
    InDecltype = true;
    bool Result = RecursiveASTVisitor::TraverseDecltypeTypeLoc(TL);
    InDecltype = Saved;
    return Result;
  }

  bool VisitTagTypeLoc(TagTypeLoc TL) {
    return checkType(TL.getDecl(), TL.getNameLoc());
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return checkType(TL.getTypedefNameDecl(), TL.getNameLoc());
  }

private:
  bool checkType(const NamedDecl *D, SourceLocation Loc) {
    if (!D || !ownedBy(D, Fn))
      return true;
    if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
      if (Record->isLambda())
        return true;
    return problem(Loc, LambdaUses::Obstacle::LocalType, D->getNameAsString());
  }
  bool problem(SourceLocation Loc, LambdaUses::Obstacle What,
               std::string Name) {
    if (Out.Blocker == LambdaUses::Obstacle::None) {
      Out.Blocker = What;
      Out.BlockerLoc = Loc;
      Out.BlockerName = std::move(Name);
    }
    return true;
  }

  const LambdaExpr &Lambda;
  const AnnotatedFunction &Fn;
  LambdaUses &Out;
  bool InDecltype = false;
  llvm::SmallPtrSet<const VarDecl *, 8> Seen;
};

/// The outermost lambdas of a body, and the hoisted locals declared
/// outside them.
class LambdaCollector : public RecursiveASTVisitor<LambdaCollector> {
public:
  explicit LambdaCollector(const BodyAnalysis &A) : A(A) {}
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    if (Depth == 0) {
      Outermost.push_back(L);
      ByClass[L->getLambdaClass()] = L;
    }
    ++Depth;
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(L);
    --Depth;
    return Result;
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) {
    return true; // a local class is its own world
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (Depth == 0 && A.isHoisted(VD))
      HoistedLocals.push_back(VD);
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *For) {
    // The range lives in the frame while the body suspends.
    if (Depth == 0 && A.suspends(For->getBody()))
      KeptRanges.push_back(For->getRangeInit());
    return true;
  }

  const BodyAnalysis &A;
  unsigned Depth = 0;
  std::vector<const LambdaExpr *> Outermost;
  llvm::DenseMap<const CXXRecordDecl *, const LambdaExpr *> ByClass;
  std::vector<const VarDecl *> HoistedLocals;
  std::vector<const Expr *> KeptRanges;
};

/// Whether \p VD is a member of the frame: a hoisted local, a parameter, or
/// a capture of an annotated lambda.
bool inFrame(const VarDecl *VD, const BodyAnalysis &A) {
  const AnnotatedFunction &F = A.function();
  return A.isHoisted(VD) ||
         (isa<ParmVarDecl>(VD) && VD->getDeclContext() == F.Function) ||
         isCaptureOf(VD, F);
}

/// Whether \p S refers to a frame member of \p A's function or, in a
/// member function, to the object.
bool refersToFrame(const Stmt *S, const BodyAnalysis &A) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      if (inFrame(VD, A))
        return true;
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (refersToFrame(Child, A))
      return true;
  return false;
}

/// Whether \p L (or a lambda within it) copies a frame member, names one
/// in its capture list or an init-capture, or captures `*this`: things a
/// lambda inside step() cannot do, since there the local is a member.
bool capturesFrameByName(const LambdaExpr *L, const BodyAnalysis &A) {
  for (const LambdaCapture &Capture : L->captures()) {
    if (Capture.getCaptureKind() == LCK_StarThis)
      return true;
    if (!Capture.capturesVariable())
      continue;
    const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (!VD)
      continue;
    if (VD->isInitCapture()) {
      if (refersToFrame(VD->getInit(), A))
        return true;
      continue;
    }
    if (inFrame(VD, A) &&
        !(Capture.isImplicit() && Capture.getCaptureKind() == LCK_ByRef))
      return true;
  }
  // Nested lambdas are in the body.
  struct Nested : RecursiveASTVisitor<Nested> {
    const BodyAnalysis &A;
    bool Found = false;
    explicit Nested(const BodyAnalysis &A) : A(A) {}
    bool TraverseLambdaExpr(LambdaExpr *Inner) {
      Found |= capturesFrameByName(Inner, A);
      return !Found;
    }
  } Finder(A);
  Finder.TraverseStmt(const_cast<Stmt *>(L->getBody()));
  return Finder.Found;
}

} // namespace

LambdaUses findLambdaUses(const LambdaExpr &Lambda,
                          const AnnotatedFunction &Enclosing) {
  LambdaUses Out;
  Out.Lambda = &Lambda;
  UsesFinder Finder(Lambda, Enclosing, Out);
  for (const LambdaCapture &Capture : Lambda.captures()) {
    if (Capture.capturesThis()) {
      Out.UsesThis = true;
      if (Capture.getCaptureKind() == LCK_StarThis &&
          Out.Blocker == LambdaUses::Obstacle::None) {
        Out.Blocker = LambdaUses::Obstacle::ObjectCopy;
        Out.BlockerLoc = Capture.getLocation();
      }
    }
    if (!Capture.capturesVariable())
      continue;
    const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (VD && VD->isInitCapture() && VD->getInit()) {
      Finder.InInitCapture = true;
      Finder.TraverseStmt(const_cast<Expr *>(VD->getInit()));
      Finder.InInitCapture = false;
    }
  }
  // The parameters and the body (and with them, nested lambdas).
  Finder.TraverseDecl(Lambda.getCallOperator());
  // Explicit captures of locals the body does not name still copy them.
  for (const LambdaCapture &Capture : Lambda.captures())
    if (Capture.capturesVariable() && !Lambda.isInitCapture(&Capture))
      if (const auto *VD = dyn_cast<VarDecl>(Capture.getCapturedVar()))
        if (ownedBy(VD, Enclosing))
          Finder.addLocal(VD);
  return Out;
}

std::vector<LambdaUses> findMovedLambdas(const BodyAnalysis &A) {
  LambdaCollector Collector(A);
  Collector.TraverseStmt(const_cast<Stmt *>(A.body()));

  llvm::SmallPtrSet<const LambdaExpr *, 8> Moved, InNamedType;
  // Closures that live in the frame: the frame class must name their type.
  for (const VarDecl *VD : Collector.HoistedLocals) {
    if (const Expr *Init = VD->getInit())
      if (const auto *L =
              dyn_cast<LambdaExpr>(Init->IgnoreImplicit()->IgnoreParens()))
        Moved.insert(L);
    QualType T = VD->getType().getNonReferenceType();
    if (const auto *Record = T->getAsCXXRecordDecl())
      if (Record->isLambda())
        if (const LambdaExpr *L = Collector.ByClass.lookup(Record))
          Moved.insert(L);
  }
  // In a template, the type of a marker's type-dependent operand, of a
  // local in the frame initialized by a type-dependent expression, and of a
  // range-for's range kept while its body suspends, is named
  // with decltype, where a lambda may not appear in C++17: a call of the
  // lambda's factory stands in for it there and where it is evaluated.
  if (A.function().Function->isDependentContext()) {
    std::vector<const Expr *> Named;
    for (const CallExpr *Marker : A.markers())
      if (Marker->isTypeDependent())
        Named.push_back(Marker);
    for (const VarDecl *VD : Collector.HoistedLocals)
      if (VD->getType()->isDependentType() && VD->getInit())
        Named.push_back(VD->getInit());
    for (const Expr *Range : Collector.KeptRanges)
      if (Range && Range->isTypeDependent())
        Named.push_back(Range);
    for (const Expr *E : Named)
      for (const LambdaExpr *L : Collector.Outermost)
        if (A.isWithin(L, E))
          InNamedType.insert(L);
  }
  std::vector<LambdaUses> Result;
  // An annotated lambda always moves: its transformation is a lambda
  // whose body holds a local class, which may not use the frame's members.
  for (const LambdaExpr *L : Collector.Outermost)
    if (annotationOf(*L->getCallOperator()) != CoroutineKind::None)
      Moved.insert(L);
  for (const LambdaExpr *L : Collector.Outermost)
    if (Moved.contains(L) || InNamedType.contains(L) ||
        capturesFrameByName(L, A)) {
      Result.push_back(findLambdaUses(*L, A.function()));
      Result.back().Why = Moved.contains(L) ? LambdaUses::Reason::LivesInFrame
                          : InNamedType.contains(L)
                              ? LambdaUses::Reason::InNamedType
                              : LambdaUses::Reason::CapturesFrameLocal;
    }
  return Result;
}

/// What a factory could not do with \p Uses's obstacle, as the end of a
/// sentence.
static std::string obstacleText(const LambdaUses &Uses) {
  const std::string Quoted = "'" + Uses.BlockerName + "'";
  switch (Uses.Blocker) {
  case LambdaUses::Obstacle::StructuredBinding:
    return "use the structured binding " + Quoted;
  case LambdaUses::Obstacle::LocalEnumerator:
    return "use the local enumerator " + Quoted;
  case LambdaUses::Obstacle::LocalType:
    return "use the local type " + Quoted;
  case LambdaUses::Obstacle::StaticLocal:
    return "use the static local " + Quoted;
  case LambdaUses::Obstacle::ConstexprLocal:
    return "use the constexpr local " + Quoted;
  case LambdaUses::Obstacle::UncapturedLocal:
    return "use " + Quoted + " without capturing it";
  case LambdaUses::Obstacle::NameInDecltype:
    return "name " + Quoted + " in decltype";
  case LambdaUses::Obstacle::ObjectCopy:
    return "capture '*this'";
  case LambdaUses::Obstacle::None:
    break;
  }
  return "";
}

bool checkMovable(const LambdaUses &Uses, Diagnoser &Diag) {
  const LambdaExpr *L = Uses.Lambda;
  if (Uses.Blocker != LambdaUses::Obstacle::None) {
    const char *Why =
        Uses.Why == LambdaUses::Reason::LivesInFrame
            ? "this lambda's closure lives across a suspension"
        : Uses.Why == LambdaUses::Reason::InNamedType
            ? "in a template, the type of the expression holding this lambda "
              "is named with decltype, which cannot hold a lambda in C++17"
            : "this lambda copies a local that lives across a suspension, or "
              "names one in its captures";
    Diag.error(Uses.BlockerLoc,
               std::string(Why) +
                   ", so awaitc must move it out of the function body, where "
                   "it could not " +
                   obstacleText(Uses));
    Diag.note(L->getBeginLoc(), "the lambda is here");
    return false;
  }
  for (const VarDecl *Local : Uses.Locals)
    if (Local->isParameterPack()) {
      Diag.error(L->getBeginLoc(),
                 "awaitc must move this lambda out of the function body, "
                 "where it could not use the parameter pack '" +
                     Local->getNameAsString() +
                     "'; pass the pack's values to the lambda as arguments");
      return false;
    }
  if (Uses.UsesThis &&
      annotationOf(*L->getCallOperator()) != CoroutineKind::None) {
    Diag.error(L->getBeginLoc(),
               "an annotated lambda inside an annotated member function "
               "cannot use 'this' yet; pass the object as a parameter");
    return false;
  }
  return true;
}

} // namespace awaitc
