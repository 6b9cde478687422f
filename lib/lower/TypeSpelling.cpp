//===- TypeSpelling.cpp - Types the frame class names, spelled as C++ -----===//
//
// See TypeSpelling.h.
//
//===----------------------------------------------------------------------===//
#include "lower/TypeSpelling.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace awaitc {

std::string cvPrefix(QualType T) {
  return std::string(T.isConstQualified() ? "const " : "") +
         (T.isVolatileQualified() ? "volatile " : "");
}

/// \p T, a placeholder type under its outermost reference if any (`auto`,
/// `const auto`, `auto *const`, `const auto **`), spelled for an initializer
/// whose type with that reference removed (or decayed) is \p Base: each
/// pointer declarator peels one pointer off it, down to what `auto` stands
/// for.
static std::optional<std::string> placeholderLayers(QualType T,
                                                    const std::string &Base) {
  if (isa<AutoType>(T.getTypePtr()))
    return cvPrefix(T) + Base;
  const auto *Pointer = dyn_cast<PointerType>(T.getTypePtr());
  if (!Pointer)
    return std::nullopt;
  std::string Suffix = std::string(T.isConstQualified() ? " const" : "") +
                       (T.isVolatileQualified() ? " volatile" : "");
  QualType Inner = Pointer->getPointeeType();
  if (isa<AutoType>(Inner.getTypePtr()) && !Inner.hasLocalQualifiers())
    return Base + Suffix; // `auto *p`: the decayed type is the pointer
  auto Spelled =
      placeholderLayers(Inner, "std::remove_pointer_t<" + Base + ">");
  if (!Spelled)
    return std::nullopt;
  return *Spelled + " *" + Suffix;
}

bool isDependentDecltypeAuto(QualType T) {
  const auto *Placeholder = T->getContainedAutoType();
  return Placeholder && Placeholder->isDecltypeAuto() && T->isDependentType();
}

std::optional<std::string>
deducedTypeText(QualType Declared, const std::string &Init, bool Pointee) {
  const auto *Placeholder = Declared->getContainedAutoType();
  if (!Placeholder)
    return std::nullopt;
  std::string Category = "decltype((" + Init + "))";
  if (Placeholder->isDecltypeAuto()) {
    if (!isa<AutoType>(Declared.getTypePtr()))
      return std::nullopt;
    std::string Type = "decltype(" + Init + ")";
    return Pointee ? "std::remove_reference_t<" + Type + ">" : Type;
  }
  if (Pointee)
    return placeholderLayers(Declared,
                             "std::remove_reference_t<" + Category + ">");
  if (const auto *Reference = Declared->getAs<ReferenceType>()) {
    QualType Referee = Reference->getPointeeTypeAsWritten();
    // `auto &&r = e;` is a forwarding reference: `E &&` collapses to E's
    // own reference for an lvalue or an xvalue.
    if (isa<RValueReferenceType>(Reference) &&
        isa<AutoType>(Referee.getTypePtr()) && !Referee.hasLocalQualifiers())
      return Category + " &&";
    auto Spelled =
        placeholderLayers(Referee, "std::remove_reference_t<" + Category + ">");
    if (!Spelled)
      return std::nullopt;
    return *Spelled + (isa<LValueReferenceType>(Reference) ? " &" : " &&");
  }
  return placeholderLayers(Declared, "std::decay_t<" + Category + ">");
}

bool isWrittenType(const VarDecl *VD) {
  // (A decltype as written names locals, which the frame class cannot.)
  return !VD->getType()->getContainedDeducedType() && !VD->isImplicit() &&
         !isa<DecompositionDecl>(VD) && VD->getTypeSourceInfo() != nullptr &&
         VD->getType().getAsString().find("decltype(") == std::string::npos;
}

std::string addressOf(const std::string &Value, bool XValue) {
  if (XValue)
    return "[](auto &&awaitc_object) { return std::addressof(awaitc_object); "
           "}(" +
           Value + ")";
  return "std::addressof(" + Value + ")";
}

} // namespace awaitc
