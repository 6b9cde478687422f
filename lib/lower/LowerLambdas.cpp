//===- LowerLambdas.cpp - Lambdas that leave step() -----------------------===//
//
// Lambdas that move into factories before the frame class (see
// analyse/LambdaUses.h), the factories' definitions and arguments, and
// closures kept in the frame.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

using namespace clang;

namespace awaitc {

// --- Lambdas ----------------------------------------------------------------

QualType FunctionLowering::thisTypeIn(const Stmt *S) {
  if (!S)
    return QualType();
  if (const auto *This = dyn_cast<CXXThisExpr>(S))
    return This->getType();
  for (const Stmt *Child : S->children())
    if (QualType T = thisTypeIn(Child); !T.isNull())
      return T;
  return QualType();
}

void FunctionLowering::addCaptureParams(const LambdaExpr &L) {
  // Each call's frame copies the copy captures: the coroutine then never
  // refers to the closure, which may die before it finishes (the pitfall
  // of C++20 coroutine lambdas). Reference captures stay references.
  bool Mutable = !L.getCallOperator()->isConst();
  for (const LambdaCapture &Capture : L.captures()) {
    if (Capture.capturesThis())
      continue;
    const auto *VD = dyn_cast_or_null<VarDecl>(
        Capture.capturesVariable() ? Capture.getCapturedVar() : nullptr);
    // (checkBody() refuses packs and variable-length arrays.)
    assert(VD && !Capture.isPackExpansion());
    QualType Object = VD->getType().getNonReferenceType();
    bool ByCopy = VD->isInitCapture() ? !VD->getType()->isReferenceType()
                                      : Capture.getCaptureKind() == LCK_ByCopy;
    FrameParam Param;
    Param.Name = Param.Argument = VD->getNameAsString();
    if (!ByCopy) {
      Param.Type = printType(Ctx.getLValueReferenceType(Object),
                             Capture.getLocation(), /*Written=*/true);
      Param.Init = Param.Name;
      Param.Comment = "captured by reference";
      Model.Params.push_back(Param);
      continue;
    }
    Param.Type = printType(Object.getUnqualifiedType(), Capture.getLocation(),
                           /*Written=*/true);
    QualType Member = Object;
    if (!Mutable)
      Member.addConst();
    Param.MemberType = printType(Member, Capture.getLocation(),
                                 /*Written=*/true);
    Param.Init =
        Object->isScalarType() ? Param.Name : "std::move(" + Param.Name + ")";
    Param.Comment = "copy of a capture";
    Model.Params.push_back(Param);
  }
}

void FunctionLowering::planFactories() {
  for (const LambdaUses &Uses : A.movedLambdas())
    planFactory(Uses);
}

void FunctionLowering::planFactory(const LambdaUses &Found) {
  const LambdaUses &Uses = MovedLambdas.emplace_back(Found);
  const LambdaExpr *L = Uses.Lambda;
  Factories[L] = Factory{Names.fresh("make_" + lambdaName(*L, Ctx)), &Uses};
  MovedClosures[L->getLambdaClass()] = L;
}

std::optional<ByteRange>
FunctionLowering::movedLambdaRange(const LambdaExpr *L) {
  auto R = Src.range(L);
  if (!R)
    fail(L->getBeginLoc(), "awaitc cannot move this lambda out of the "
                           "function body: its text is not in this file (is "
                           "it inside a macro?)");
  return R;
}

std::string FunctionLowering::factoryArguments(const LambdaUses &Uses,
                                               bool AtClassScope) {
  std::string Args;
  for (const VarDecl *VD : Uses.Locals) {
    Args += Args.empty() ? "" : ", ";
    // A suspending handler's parameter is bound anew after each
    // resumption, not a member: an lvalue of its type stands in for it.
    bool Member = A.isHoisted(VD) || isa<ParmVarDecl>(VD) ||
                  VD->getDeclContext() != &Fn; // an annotated lambda's capture
    if (AtClassScope && !Member)
      Args += "std::declval<" +
              printType(VD->getType().getNonReferenceType(), VD->getLocation(),
                        /*Written=*/true) +
              "&>()";
    else
      Args += referenceTo(VD);
  }
  if (Uses.UsesThis)
    Args += (Args.empty() ? "" : ", ") + Model.SelfName;
  return Args;
}

LambdaFactory FunctionLowering::factoryDefinition(const Factory &F) {
  const LambdaUses &Uses = *F.Uses;
  LambdaFactory Made;
  Made.Name = F.Name;
  // The factory's parameters take the captured names, so that the lambda's
  // own text captures them.
  for (const VarDecl *VD : Uses.Locals) {
    Made.Params +=
        (Made.Params.empty() ? "auto &" : ", auto &") + VD->getNameAsString();
    Made.ShadowsParameter |= isa<ParmVarDecl>(VD);
  }
  if (Uses.UsesThis)
    Made.Params += (Made.Params.empty() ? "auto " : ", auto ") + Model.SelfName;
  auto R = movedLambdaRange(Uses.Lambda);
  if (!R)
    return Made;
  Made.Line = Src.line(R->Begin);
  if (auto Lowered = Nested.find(Uses.Lambda); Lowered != Nested.end()) {
    // An annotated lambda: its own state machine, which names the frame
    // locals it captures as the user did.
    Made.Annotated = Lowered->second;
    return Made;
  }
  std::vector<Edit> Edits;
  collectEdits(Uses.Lambda, Edits, EditScope::Factory);
  Made.Lambda = splice(*R, std::move(Edits), EditScope::Factory);
  return Made;
}

void FunctionLowering::selfCaptureEdits(const LambdaExpr *L,
                                        std::vector<Edit> &Out) {
  if (Model.SelfName.empty())
    return;
  for (const LambdaCapture &Capture : L->captures()) {
    if (!Capture.capturesThis())
      continue;
    // (Where the user wrote it: in a marker's argument, too.)
    if (!Capture.isImplicit()) {
      if (auto This = Src.range(SourceRange(Capture.getLocation())))
        Out.push_back(Edit{*This, Model.SelfName});
      else
        fail(Capture.getLocation(), "awaitc cannot rewrite this capture of "
                                    "'this' inside a macro");
    } else if (L->getCaptureDefault() == LCD_ByRef) {
      // [&] would capture the factory's parameter by reference; C++
      // copies `this` even there.
      if (auto Default = Src.range(SourceRange(L->getCaptureDefaultLoc())))
        Out.push_back(
            Edit{{Default->End, Default->End}, ", " + Model.SelfName});
      else
        fail(L->getCaptureDefaultLoc(), "awaitc cannot rewrite this capture "
                                        "of 'this' inside a macro");
    }
  }
}

bool FunctionLowering::planKeptClosure(const Expr *Of) {
  const auto *L = dyn_cast<LambdaExpr>(Of->IgnoreImplicit()->IgnoreParens());
  if (!L || Factories.count(L))
    return true;
  // A closure temporary kept across a suspension (`[&] { ... }() &&
  // AWAIT(x)`): it moves too, so that its slot can name its type, and the
  // temporary is made by the factory, whose closure type that is.
  LambdaUses Uses = findLambdaUses(*L, A.function());
  Uses.Why = LambdaUses::Reason::LivesInFrame;
  if (Failed)
    return false;
  if (!checkMovable(Uses, Diag)) {
    Failed = true;
    return false;
  }
  planFactory(Uses);
  return true;
}

std::optional<std::string> FunctionLowering::closureSpelling(QualType T,
                                                             const Expr *Of) {
  const LambdaExpr *L = nullptr;
  if (Of) {
    L = dyn_cast<LambdaExpr>(Of->IgnoreImplicit()->IgnoreParens());
    if (!planKeptClosure(Of))
      return std::string("int");
  }
  if (!L || !Factories.count(L)) {
    L = nullptr;
    if (!T->isDependentType())
      if (const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl())
        L = MovedClosures.lookup(Record);
  }
  if (!L)
    return std::nullopt;
  const Factory &F = Factories.find(L)->second;
  // The frame class names the type as decltype(make_f(locals...)): valid
  // at class scope, since those locals are members (a closure lives across
  // a suspension only within the scope of everything the lambda uses).
  std::string Args = factoryArguments(*F.Uses, /*AtClassScope=*/true);
  return std::string(T.isConstQualified() ? "const " : "") + "decltype(" +
         F.Name + "(" + Args + "))";
}

bool holdsOnlyReferences(const MaterializeTemporaryExpr *Temp) {
  const CXXRecordDecl *Closure = Temp->getType()->getAsCXXRecordDecl();
  if (const auto *L = dyn_cast<LambdaExpr>(
          Temp->getSubExpr()->IgnoreImplicit()->IgnoreParens()))
    Closure = L->getLambdaClass(); // also in a template
  if (!Closure || !Closure->isLambda())
    return false;
  for (const LambdaCapture &Capture : Closure->captures())
    if (Capture.getCaptureKind() != LCK_ByRef &&
        Capture.getCaptureKind() != LCK_This)
      return false;
  return true;
}

} // namespace awaitc
