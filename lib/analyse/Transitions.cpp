//===- Transitions.cpp - Where a body goes between its suspensions --------===//
//
// A small control-flow graph of the body, built backwards as Clang's CFG
// builder does (each statement is built knowing where it continues), with
// a node per suspension point and nodes only where control can branch,
// join or leave. Then a walk from each entry to the exits it reaches first.
//
//===----------------------------------------------------------------------===//
#include "analyse/Transitions.h"

#include "analyse/Analysis.h"
#include "find/Annotations.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>

using namespace clang;

namespace awaitc {
namespace {

/// Whether evaluating \p S may throw, as the compiler sees it.
bool mayThrow(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Trait = dyn_cast<UnaryExprOrTypeTraitExpr>(S);
      Trait && Trait->getKind() != UETT_VecStep)
    return false; // sizeof, alignof: not evaluated
  if (isa<CXXThrowExpr, CXXNewExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionProtoType *Proto = nullptr;
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      Proto = Callee->getType()->getAs<FunctionProtoType>();
    if (!Proto || !Proto->isNothrow())
      return true;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const auto *Proto =
        Construct->getConstructor()->getType()->getAs<FunctionProtoType>();
    if (!Proto || !Proto->isNothrow())
      return true;
  }
  if (isa<CXXUnresolvedConstructExpr, CXXDependentScopeMemberExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (mayThrow(Child))
      return true;
  return false;
}

class GraphBuilder {
public:
  explicit GraphBuilder(const BodyAnalysis &A) : A(A) {
    Return = add(Node::Return);
    Throw = add(Node::Throw);
    Handler = Throw;
  }

  SuspensionGraph run() {
    SuspensionGraph G;
    G.FromStart = exitsFrom({build(A.body(), Return)});
    for (const Node &N : Nodes)
      if (N.Kind == Node::Suspend)
        G.FromResume[N.Marker] = exitsFrom(N.Next);
    return G;
  }

private:
  struct Node {
    enum KindT { Pass, Suspend, Return, Throw } Kind = Pass;
    std::vector<int> Next;
    const CallExpr *Marker = nullptr;
  };

  int add(Node::KindT Kind, std::vector<int> Next = {}) {
    Nodes.push_back({Kind, std::move(Next), nullptr});
    return Nodes.size() - 1;
  }
  /// A node that leads to \p Next, and to the handler if \p S may throw.
  int plain(const Stmt *S, int Next) {
    if (!mayThrow(S))
      return Next;
    return add(Node::Pass, {Next, Handler});
  }
  int branch(std::vector<int> Next) { return add(Node::Pass, std::move(Next)); }

  /// The entry of expression \p E, which continues at \p Next.
  int buildExpr(const Expr *E, int Next) {
    if (!E)
      return Next;
    if (!A.suspends(E)) {
      if (isa<CXXThrowExpr>(E->IgnoreImplicit()->IgnoreParens()))
        return branch({Handler}); // never goes on
      return plain(E, Next);
    }
    if (const CallExpr *Marker = asMarker(E)) {
      // What was awaited may have failed; a generator's consumer only asks
      // for the next value.
      int Suspend = add(Node::Suspend, {Next});
      if (markerKindOf(*Marker) != MarkerKind::Yield)
        Nodes[Suspend].Next.push_back(Handler);
      Nodes[Suspend].Marker = Marker;
      return buildExpr(Marker->getArg(0), Suspend);
    }
    E = E->IgnoreParens();
    if (const auto *Op = dyn_cast<BinaryOperator>(E); Op && Op->isLogicalOp())
      return buildExpr(Op->getLHS(),
                       branch({buildExpr(Op->getRHS(), Next), Next}));
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
      return buildExpr(Cond->getCond(),
                       branch({buildExpr(Cond->getTrueExpr(), Next),
                               buildExpr(Cond->getFalseExpr(), Next)}));
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(E))
      return buildExpr(Throw->getSubExpr(), branch({Handler}));
    // Operands in the order the lowering evaluates them (C++ fixes it
    // wherever a marker may stand).
    std::vector<const Stmt *> Children(E->child_begin(), E->child_end());
    int Entry = Next;
    for (auto It = Children.rbegin(); It != Children.rend(); ++It)
      if (const auto *Child = dyn_cast_or_null<Expr>(*It))
        Entry = buildExpr(Child, Entry);
    return Entry;
  }

  struct Loop {
    int Break, Continue;
  };

  int build(const Stmt *S, int Next) {
    if (!S)
      return Next;
    if (const CallExpr *Marker = yieldOf(S))
      return buildExpr(Marker, Next);
    if (const auto *E = dyn_cast<Expr>(S))
      return buildExpr(E, Next);
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      int Entry = Next;
      for (auto It = CS->body_rbegin(); It != CS->body_rend(); ++It)
        Entry = build(*It, Entry);
      return Entry;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      int Entry = Next;
      std::vector<const Decl *> Decls(DS->decl_begin(), DS->decl_end());
      for (auto It = Decls.rbegin(); It != Decls.rend(); ++It)
        if (const auto *VD = dyn_cast<VarDecl>(*It))
          Entry = VD->hasInit() && A.suspends(VD->getInit())
                      ? buildExpr(VD->getInit(), Entry)
                      : plain(VD->getInit(), Entry);
      return Entry;
    }
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      return buildExpr(A.userReturnValue(R), Return);
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      int Choice = branch({build(If->getThen(), Next),
                           If->getElse() ? build(If->getElse(), Next) : Next});
      int Entry = buildExpr(If->getCond(), Choice);
      if (const DeclStmt *Var = If->getConditionVariableDeclStmt())
        Entry = build(Var, Entry);
      return build(If->getInit(), Entry);
    }
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      int Head = branch({});
      int Body = withLoop({Next, Head}, While->getBody(), Head);
      int Entry = buildExpr(While->getCond(), branch({Body, Next}));
      if (const DeclStmt *Var = While->getConditionVariableDeclStmt())
        Entry = build(Var, Entry);
      Nodes[Head].Next = {Entry};
      return Head;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      int Head = branch({});
      int Cond = buildExpr(Do->getCond(), branch({Head, Next}));
      int Body = withLoop({Next, Cond}, Do->getBody(), Cond);
      Nodes[Head].Next = {Body};
      return Head;
    }
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      int Head = branch({});
      int Inc = buildExpr(For->getInc(), Head);
      int Body = withLoop({Next, Inc}, For->getBody(), Inc);
      int Cond = For->getCond()
                     ? buildExpr(For->getCond(), branch({Body, Next}))
                     : Body;
      if (const DeclStmt *Var = For->getConditionVariableDeclStmt())
        Cond = build(Var, Cond);
      Nodes[Head].Next = {Cond};
      return build(For->getInit(), Head);
    }
    if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
      return buildRangeFor(For, Next);
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      int Dispatch = branch({});
      std::vector<int> Outer = std::move(Cases);
      Cases.clear();
      Loops.push_back({Next, Loops.empty() ? -1 : Loops.back().Continue});
      int Body = build(Switch->getBody(), Next);
      (void)Body; // entered only through its case labels
      Loops.pop_back();
      bool HasDefault = false;
      for (const SwitchCase *C = Switch->getSwitchCaseList(); C;
           C = C->getNextSwitchCase())
        HasDefault |= isa<DefaultStmt>(C);
      Nodes[Dispatch].Next = std::move(Cases);
      if (!HasDefault)
        Nodes[Dispatch].Next.push_back(Next);
      Cases = std::move(Outer);
      int Entry = buildExpr(Switch->getCond(), Dispatch);
      if (const DeclStmt *Var = Switch->getConditionVariableDeclStmt())
        Entry = build(Var, Entry);
      return build(Switch->getInit(), Entry);
    }
    if (const auto *Case = dyn_cast<SwitchCase>(S)) {
      int Label = branch({build(Case->getSubStmt(), Next)});
      Cases.push_back(Label);
      return Label;
    }
    if (isa<BreakStmt>(S))
      return Loops.empty() ? Next : Loops.back().Break;
    if (isa<ContinueStmt>(S))
      return Loops.empty() || Loops.back().Continue < 0 ? Next
                                                        : Loops.back().Continue;
    if (const auto *Label = dyn_cast<LabelStmt>(S)) {
      int Node = labelNode(Label->getDecl());
      int Sub = build(Label->getSubStmt(), Next);
      Nodes[Node].Next = {Sub};
      return Node;
    }
    if (const auto *Goto = dyn_cast<GotoStmt>(S))
      return labelNode(Goto->getLabel());
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      std::vector<int> Handlers;
      bool CatchesAll = false;
      for (unsigned I = 0; I != Try->getNumHandlers(); ++I) {
        const CXXCatchStmt *Catch = Try->getHandler(I);
        CatchesAll |= !Catch->getExceptionDecl();
        Handlers.push_back(build(Catch->getHandlerBlock(), Next));
      }
      if (!CatchesAll)
        Handlers.push_back(Handler);
      int Dispatch = branch(std::move(Handlers));
      int Outer = Handler;
      Handler = Dispatch;
      int Entry = build(Try->getTryBlock(), Next);
      Handler = Outer;
      return Entry;
    }
    if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      return build(Attributed->getSubStmt(), Next);
    // Anything else holds no suspension point that awaitc lowers.
    return plain(S, Next);
  }

  int buildRangeFor(const CXXForRangeStmt *For, int Next) {
    const CallExpr *Each = asMarker(For->getRangeInit()->IgnoreImplicit());
    if (Each && markerKindOf(*Each) == MarkerKind::AwaitEach) {
      // Each iteration begins by awaiting the generator's next value.
      int Head = add(Node::Suspend);
      Nodes[Head].Marker = Each;
      int Body = build(For->getLoopVarStmt(),
                       withLoop({Next, Head}, For->getBody(), Head));
      Nodes[Head].Next = {Body, Next, Handler};
      return buildExpr(Each->getArg(0), Head);
    }
    int Head = branch({});
    int Body = build(For->getLoopVarStmt(),
                     withLoop({Next, Head}, For->getBody(), Head));
    Nodes[Head].Next = {Body, Next};
    if (mayThrow(For->getInc()) || mayThrow(For->getCond()))
      Nodes[Head].Next.push_back(Handler);
    return buildExpr(For->getRangeInit(), Head);
  }

  int withLoop(Loop L, const Stmt *Body, int Next) {
    Loops.push_back(L);
    int Entry = build(Body, Next);
    Loops.pop_back();
    return Entry;
  }

  int labelNode(const LabelDecl *L) {
    auto [It, New] = Labels.try_emplace(L, 0);
    if (New)
      It->second = branch({});
    return It->second;
  }

  /// What a walk from \p Entries reaches first.
  Exits exitsFrom(const std::vector<int> &Entries) {
    Exits Out;
    llvm::DenseSet<int> Seen;
    std::vector<int> Work;
    for (int E : Entries)
      if (Seen.insert(E).second)
        Work.push_back(E);
    while (!Work.empty()) {
      int Id = Work.back();
      Work.pop_back();
      const Node &N = Nodes[Id];
      if (N.Kind == Node::Suspend) {
        Out.Suspends.push_back(N.Marker);
        continue;
      }
      Out.Returns |= N.Kind == Node::Return;
      Out.Throws |= N.Kind == Node::Throw;
      for (int Next : N.Next)
        if (Seen.insert(Next).second)
          Work.push_back(Next);
    }
    std::sort(Out.Suspends.begin(), Out.Suspends.end(),
              [&](const CallExpr *L, const CallExpr *R) {
                return order(L) < order(R);
              });
    return Out;
  }

  unsigned order(const CallExpr *Marker) const {
    const auto &All = A.markers();
    return std::find(All.begin(), All.end(), Marker) - All.begin();
  }

  const BodyAnalysis &A;
  // (Indices, not references: building a node may grow the vector.)
  std::vector<Node> Nodes;
  int Return, Throw, Handler;
  std::vector<Loop> Loops;
  std::vector<int> Cases;
  llvm::DenseMap<const LabelDecl *, int> Labels;
};

} // namespace

SuspensionGraph suspensionGraph(const BodyAnalysis &Analysis) {
  return GraphBuilder(Analysis).run();
}

} // namespace awaitc
