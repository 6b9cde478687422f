//===- Annotations.cpp ----------------------------------------------------===//
#include "find/Annotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace awaitc {

const AnnotateAttr *annotationAttr(const FunctionDecl &FD) {
  for (const auto *A : FD.specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == "awaitc::async" ||
        A->getAnnotation() == "awaitc::generator")
      return A;
  return nullptr;
}

CoroutineKind annotationOf(const FunctionDecl &FD) {
  const AnnotateAttr *A = annotationAttr(FD);
  if (!A)
    return CoroutineKind::None;
  if (A->getAnnotation() != "awaitc::async")
    return CoroutineKind::Generator;
  // The same annotation makes an async generator of a function that
  // returns one.
  if (!coroutineResultType(FD.getReturnType(), CoroutineKind::AsyncGenerator)
           .isNull())
    return CoroutineKind::AsyncGenerator;
  return CoroutineKind::Async;
}

SourceLocation annotationLoc(const FunctionDecl &FD) {
  const AnnotateAttr *A = annotationAttr(FD);
  return A ? A->getLocation() : SourceLocation();
}

const char *annotationName(CoroutineKind Kind) {
  return Kind == CoroutineKind::Generator ? "AWAITC_GENERATOR" : "AWAITC_ASYNC";
}

static bool isInMarkersNamespace(const FunctionDecl &FD) {
  const auto *NS = dyn_cast<NamespaceDecl>(FD.getDeclContext());
  if (!NS || NS->getName() != "markers")
    return false;
  const auto *Outer = dyn_cast<NamespaceDecl>(NS->getDeclContext());
  return Outer && Outer->getName() == "awaitc" &&
         Outer->getDeclContext()->isTranslationUnit();
}

static MarkerKind markerNamed(StringRef Name) {
  if (Name == "await_")
    return MarkerKind::Await;
  if (Name == "yield_")
    return MarkerKind::Yield;
  if (Name == "await_each_")
    return MarkerKind::AwaitEach;
  return MarkerKind::None;
}

MarkerKind markerKindOf(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee) {
    // In a template, a marker with a dependent operand is an unresolved
    // call of the marker template.
    const auto *Lookup = dyn_cast_or_null<UnresolvedLookupExpr>(
        Call.getCallee() ? Call.getCallee()->IgnoreImplicit() : nullptr);
    if (!Lookup || !Lookup->getName().isIdentifier())
      return MarkerKind::None;
    for (const NamedDecl *D : Lookup->decls()) {
      const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
      if (Template && isInMarkersNamespace(*Template->getTemplatedDecl()))
        return markerNamed(Lookup->getName().getAsIdentifierInfo()->getName());
    }
    return MarkerKind::None;
  }
  if (!Callee->getIdentifier() || !isInMarkersNamespace(*Callee))
    return MarkerKind::None;
  return markerNamed(Callee->getName());
}

const CallExpr *asMarker(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParens());
  return Call && markerKindOf(*Call) != MarkerKind::None ? Call : nullptr;
}

const CallExpr *yieldOf(const Stmt *S) {
  const Expr *Value = nullptr;
  if (const auto *Return = dyn_cast_or_null<ReturnStmt>(S))
    Value = Return->getRetValue();
  else
    Value = dyn_cast_or_null<Expr>(S); // the marker called by name
  if (!Value)
    return nullptr;
  Value = Value->IgnoreImplicit();
  // The generator's converting constructor takes the marker's result.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
    if (Construct->getNumArgs() == 1)
      Value = Construct->getArg(0)->IgnoreImplicit();
  const CallExpr *Marker = asMarker(Value);
  return Marker && markerKindOf(*Marker) == MarkerKind::Yield ? Marker
                                                               : nullptr;
}

const char *markerName(MarkerKind Kind) {
  switch (Kind) {
  case MarkerKind::Await:
    return "AWAIT";
  case MarkerKind::Yield:
    return "YIELD";
  case MarkerKind::AwaitEach:
    return "AWAIT_EACH";
  case MarkerKind::None:
    break;
  }
  return "marker";
}

static bool isAwaitcTemplate(const TemplateDecl *Template, StringRef Wanted) {
  const auto *NS =
      Template ? dyn_cast<NamespaceDecl>(Template->getDeclContext()) : nullptr;
  return Template && Template->getName() == Wanted && NS &&
         NS->getName() == "awaitc" && NS->getDeclContext()->isTranslationUnit();
}

/// For `Task<T>` with `template <class U> using Task = awaitc::Coro<U>;`
/// (or an alias of such an alias): the Coro's argument as the user spelled
/// it (`T`), found by substituting the alias's arguments into its pattern
/// (Clang's own aliased type has canonical template parameters, which have
/// no spelling in a template). Null if the pattern is not that simple.
static QualType aliasArgument(const TemplateSpecializationType *Spec,
                              StringRef Wanted) {
  const TemplateDecl *Template = Spec->getTemplateName().getAsTemplateDecl();
  if (!Spec->isTypeAlias()) {
    if (!isAwaitcTemplate(Template, Wanted) ||
        Spec->template_arguments().size() != 1 ||
        Spec->template_arguments()[0].getKind() != TemplateArgument::Type)
      return QualType();
    return Spec->template_arguments()[0].getAsType();
  }
  const auto *Alias = dyn_cast_or_null<TypeAliasTemplateDecl>(Template);
  if (!Alias)
    return QualType();
  const auto *Pattern = Alias->getTemplatedDecl()
                            ->getUnderlyingType()
                            ->getAs<TemplateSpecializationType>();
  QualType Inner = Pattern ? aliasArgument(Pattern, Wanted) : QualType();
  if (Inner.isNull())
    return QualType();
  if (!Inner->isDependentType())
    return Inner;
  // The argument must be one of the alias's own parameters, unqualified.
  const auto *Param = dyn_cast<TemplateTypeParmType>(Inner.getTypePtr());
  if (!Param || Inner.hasLocalQualifiers() ||
      Param->getDepth() != Alias->getTemplateParameters()->getDepth() ||
      Param->getIndex() >= Spec->template_arguments().size())
    return QualType();
  const TemplateArgument &Arg = Spec->template_arguments()[Param->getIndex()];
  if (Arg.getKind() != TemplateArgument::Type)
    return QualType();
  return Arg.getAsType();
}

QualType coroutineResultType(QualType ReturnType, CoroutineKind Kind) {
  const char *Wanted = Kind == CoroutineKind::Async       ? "Coro"
                       : Kind == CoroutineKind::Generator ? "Generator"
                                                          : "AsyncGenerator";
  // `Coro<T>` with a dependent T, in a template.
  const auto *Spec = ReturnType->getAs<TemplateSpecializationType>();
  if (Spec && Spec->isTypeAlias()) {
    if (QualType T = aliasArgument(Spec, Wanted); !T.isNull())
      return T;
    // The aliased type (with canonical template parameters, which a
    // dependent result type then cannot be spelled with).
    while (Spec && Spec->isTypeAlias())
      Spec = Spec->getAliasedType()->getAs<TemplateSpecializationType>();
  }
  if (Spec) {
    const TemplateDecl *Template = Spec->getTemplateName().getAsTemplateDecl();
    const auto *NS = Template
                         ? dyn_cast<NamespaceDecl>(Template->getDeclContext())
                         : nullptr;
    if (Template && Template->getName() == Wanted && NS &&
        NS->getName() == "awaitc" &&
        NS->getDeclContext()->isTranslationUnit() &&
        Spec->template_arguments().size() == 1 &&
        Spec->template_arguments()[0].getKind() == TemplateArgument::Type)
      return Spec->template_arguments()[0].getAsType();
  }
  const auto *Record = ReturnType->getAsCXXRecordDecl();
  const auto *Class = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  if (!Class)
    return QualType();
  if (Class->getName() != Wanted)
    return QualType();
  const auto *NS = dyn_cast<NamespaceDecl>(Class->getDeclContext());
  if (!NS || NS->getName() != "awaitc" ||
      !NS->getDeclContext()->isTranslationUnit())
    return QualType();
  const TemplateArgumentList &Args = Class->getTemplateArgs();
  if (Args.size() != 1 || Args[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Args[0].getAsType();
}

} // namespace awaitc
