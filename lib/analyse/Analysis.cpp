//===- Analysis.cpp -------------------------------------------------------===//
#include "analyse/Analysis.h"
#include "analyse/LambdaUses.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>

using namespace clang;

namespace awaitc {

std::string NameAllocator::fresh(llvm::StringRef Base) {
  std::string Name = Base.str();
  for (unsigned N = 2; Taken.contains(Name); ++N)
    Name = (Base + "_" + llvm::Twine(N)).str();
  Taken.insert(Name);
  return Name;
}

namespace {

/// Every marker, local variable (with the statement that bounds its scope)
/// and name reference in a body.
class BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  explicit BodyScanner(const ParentMap &Parents) : Parents(Parents) {}
  bool shouldVisitImplicitCode() const { return false; }
  /// An annotated lambda is a function of its own: only its captures'
  /// initializers belong to this body.
  bool TraverseLambdaExpr(LambdaExpr *L) {
    if (annotationOf(*L->getCallOperator()) == CoroutineKind::None)
      return RecursiveASTVisitor::TraverseLambdaExpr(L);
    for (Expr *Init : L->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }

  std::vector<const CallExpr *> Markers;
  std::vector<std::pair<const VarDecl *, const Stmt *>> Locals;
  std::vector<const DeclRefExpr *> References;

  bool VisitCallExpr(CallExpr *Call) {
    if (markerKindOf(*Call) != MarkerKind::None)
      Markers.push_back(Call);
    return true;
  }
  bool VisitDeclStmt(DeclStmt *DS) {
    const Stmt *Scope = scopeOf(DS);
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        Locals.push_back({VD, Scope});
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    References.push_back(E);
    return true;
  }

private:
  /// The statement at whose end a local declared by \p DS goes out of scope.
  const Stmt *scopeOf(const DeclStmt *DS) const {
    const Stmt *Child = DS;
    for (const Stmt *P = Parents.getParent(DS); P;
         Child = P, P = Parents.getParent(P)) {
      if (isa<CompoundStmt>(P))
        return P;
      // Labels do not open scopes.
      if (isa<LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(P))
        continue;
      // An init-statement, a condition variable or a range-for variable
      // lives until the end of its statement.
      if (const auto *If = dyn_cast<IfStmt>(P))
        if (Child == If->getInit() ||
            Child == If->getConditionVariableDeclStmt())
          return P;
      if (const auto *Switch = dyn_cast<SwitchStmt>(P))
        if (Child == Switch->getInit() ||
            Child == Switch->getConditionVariableDeclStmt())
          return P;
      if (const auto *While = dyn_cast<WhileStmt>(P))
        if (Child == While->getConditionVariableDeclStmt())
          return P;
      if (const auto *For = dyn_cast<ForStmt>(P))
        if (Child == For->getInit() ||
            Child == For->getConditionVariableDeclStmt())
          return P;
      if (isa<CXXForRangeStmt>(P))
        return P;
      // A declaration that is a whole sub-statement (`if (c) int x = f();`)
      // is its own scope.
      return DS;
    }
    return DS;
  }

  const ParentMap &Parents;
};

} // namespace

std::string lambdaName(const LambdaExpr &L, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(L);
  while (Parents.size() == 1) {
    if (const auto *VD = Parents[0].get<VarDecl>())
      return VD->getNameAsString();
    const auto *E = Parents[0].get<Expr>();
    if (!E || E->IgnoreImplicit()->IgnoreParens() != &L)
      break;
    Parents = Ctx.getParents(*E);
  }
  return "lambda";
}

std::string functionNameOf(const AnnotatedFunction &F) {
  return F.Lambda ? lambdaName(*F.Lambda, F.Function->getASTContext())
                  : F.Function->getNameAsString();
}

BodyAnalysis::BodyAnalysis(const AnnotatedFunction &Fn,
                           const SourceText &Source)
    : Fn(Fn), Source(Source),
      Parents(std::make_unique<ParentMap>(Fn.Function->getBody())) {
  BodyScanner Scan(*Parents);
  Scan.TraverseStmt(Fn.Function->getBody());
  findMarkers(Scan.Markers);
  findHoisted(Scan.Locals);
  assignNames(Scan.References);
  Transitions = suspensionGraph(*this);
  FunctionName = functionNameOf(Fn);
  Moved = findMovedLambdas(*this);
}

BodyAnalysis::~BodyAnalysis() = default;

std::string BodyAnalysis::identifierName() const {
  const FunctionDecl &FD = *Fn.Function;
  if (Fn.Lambda)
    return FunctionName;
  switch (FD.getOverloadedOperator()) {
#define OVERLOADED_OPERATOR(Name, Spelling, Token, Unary, Binary, MemberOnly)  \
  case OO_##Name:                                                              \
    return "operator_" + llvm::StringRef(#Name).lower();
#include "clang/Basic/OperatorKinds.def"
  default:
    break;
  }
  switch (FD.getDeclName().getNameKind()) {
  case DeclarationName::CXXConversionFunctionName:
    return "conversion_operator";
  case DeclarationName::CXXLiteralOperatorName:
    return "literal_operator";
  default:
    return FunctionName;
  }
}

void BodyAnalysis::findMarkers(std::vector<const CallExpr *> Found) {
  Markers = std::move(Found);
  std::sort(Markers.begin(), Markers.end(),
            [&](const CallExpr *A, const CallExpr *B) {
              return Source.offset(A->getBeginLoc()) <
                     Source.offset(B->getBeginLoc());
            });
  for (const CallExpr *M : Markers) {
    MarkerOffsets.push_back(Source.offset(M->getBeginLoc()));
    for (const Stmt *S = M; S; S = Parents->getParent(S))
      Suspending.insert(S);
  }
}

const Expr *BodyAnalysis::userReturnValue(const ReturnStmt *R) const {
  const Expr *V = R->getRetValue();
  if (!V)
    return nullptr;
  const Expr *Inner = V->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Inner))
    if (Construct->getType()->getAsCXXRecordDecl() ==
        Fn.Function->getReturnType()->getAsCXXRecordDecl()) {
      // `return {a, b};` builds T from the list.
      if (Construct->getNumArgs() != 1)
        return Construct;
      return Construct->getArg(0)->IgnoreImplicit();
    }
  return V;
}

unsigned BodyAnalysis::countMarkers(const Stmt *S) const {
  if (!suspends(S))
    return 0;
  unsigned Count = 0;
  for (const CallExpr *M : Markers)
    for (const Stmt *P = M; P; P = Parents->getParent(P))
      if (P == S) {
        ++Count;
        break;
      }
  return Count;
}

void BodyAnalysis::findHoisted(
    const std::vector<std::pair<const VarDecl *, const Stmt *>> &Locals) {
  for (auto [VD, Scope] : Locals) {
    // Statics stay statics, constexpr locals stay constants (emitted as
    // static constexpr): only automatic objects live in the frame.
    if (!VD->hasLocalStorage() || VD->isConstexpr())
      continue;
    auto ScopeRange = Source.range(Scope);
    if (!ScopeRange)
      continue;
    // In scope from the end of its declarator (its initializer included)
    // to the end of the scope statement.
    unsigned DeclEnd = Source.offset(VD->getEndLoc());
    for (unsigned Offset : MarkerOffsets)
      if (Offset > DeclEnd && Offset < ScopeRange->End) {
        Hoisted.insert(VD);
        HoistedInOrder.push_back(VD);
        break;
      }
  }
}

void BodyAnalysis::assignNames(
    const std::vector<const DeclRefExpr *> &References) {
  llvm::StringMap<unsigned> Spelled;
  if (auto Whole = Source.range(Fn.sourceRange()))
    Source.countIdentifiers(*Whole, Spelled);
  for (const auto &Entry : Spelled)
    Names.reserve(Entry.getKey());
  // Names that reach the body through macros are not among the tokens.
  llvm::DenseMap<const VarDecl *, unsigned> ReferenceCount;
  for (const DeclRefExpr *E : References) {
    if (E->getLocation().isMacroID())
      if (const IdentifierInfo *II = E->getDecl()->getIdentifier())
        Names.reserve(II->getName());
    if (const auto *VD = dyn_cast<VarDecl>(E->getDecl()))
      ++ReferenceCount[VD];
  }
  // A hoisted local keeps its name when every token that spells the name
  // refers to it; otherwise the frame member gets a fresh one, so that no
  // other use of the name starts to mean the member.
  llvm::StringSet<> Assigned;
  for (const VarDecl *VD : HoistedInOrder) {
    std::string Name = VD->getName().str();
    // The object a structured binding declaration binds has no name: call
    // it after its bindings (`auto [key, value]` -> key_value).
    if (const auto *Bindings = dyn_cast<DecompositionDecl>(VD)) {
      for (const BindingDecl *B : Bindings->bindings())
        Name += (Name.empty() ? "" : "_") + B->getName().str();
      MemberNames[VD] = Names.fresh(Name);
      continue;
    }
    bool Unambiguous = Spelled.lookup(Name) == ReferenceCount.lookup(VD) + 1;
    if (Name.empty() || !Unambiguous || Assigned.contains(Name))
      Name = Names.fresh(Name.empty() ? "local" : Name);
    Assigned.insert(Name);
    MemberNames[VD] = Name;
  }
}

} // namespace awaitc
