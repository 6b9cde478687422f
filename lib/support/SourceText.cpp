//===- SourceText.cpp -----------------------------------------------------===//
#include "support/SourceText.h"

#include "clang/Lex/Lexer.h"

using namespace clang;

namespace awaitc {

SourceText::SourceText(const SourceManager &SM, const LangOptions &LO)
    : SM(SM), LO(LO), MainFile(SM.getMainFileID()),
      Buffer(SM.getBufferData(MainFile)) {
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(MainFile))
    FileName = std::string(Entry->getName());
}

std::optional<ByteRange> SourceText::range(SourceRange R) const {
  if (R.isInvalid())
    return std::nullopt;
  return range(CharSourceRange::getTokenRange(R));
}

std::optional<ByteRange> SourceText::range(CharSourceRange R) const {
  if (R.isInvalid())
    return std::nullopt;
  CharSourceRange Chars = Lexer::makeFileCharRange(R, SM, LO);
  if (Chars.isInvalid())
    return std::nullopt;
  auto [BeginFile, Begin] = SM.getDecomposedLoc(Chars.getBegin());
  auto [EndFile, End] = SM.getDecomposedLoc(Chars.getEnd());
  if (BeginFile != MainFile || EndFile != MainFile || End < Begin)
    return std::nullopt;
  return ByteRange{Begin, End};
}

StringRef SourceText::outermostMacroName(SourceLocation Loc) const {
  if (!Loc.isMacroID())
    return {};
  SourceLocation NameLoc = SM.getExpansionLoc(Loc);
  return Lexer::getSourceText(CharSourceRange::getTokenRange(NameLoc), SM, LO);
}

static bool isMarkerMacro(StringRef Name) {
  return Name == "AWAIT" || Name == "YIELD" || Name == "AWAIT_EACH" ||
         Name == "AWAITC_AWAIT" || Name == "AWAITC_YIELD" ||
         Name == "AWAITC_AWAIT_EACH";
}

std::optional<ByteRange> SourceText::markerRange(const CallExpr *Marker) const {
  SourceLocation Loc = Marker->getBeginLoc();
  if (!Loc.isMacroID())
    return range(Marker);
  // `NAME ( argument )`, found around the argument's own spelling: this is
  // right for a marker inside another marker's argument too, where the
  // outermost expansion would be the outer marker.
  const Expr *Arg = Marker->getNumArgs() ? Marker->getArg(0) : nullptr;
  if (Arg) {
    SourceLocation First = SM.getSpellingLoc(Arg->getBeginLoc());
    SourceLocation Last = SM.getSpellingLoc(Arg->getEndLoc());
    if (SM.isWrittenInMainFile(First) && SM.isWrittenInMainFile(Last)) {
      unsigned Begin = SM.getFileOffset(First);
      unsigned End =
          SM.getFileOffset(Last) + Lexer::MeasureTokenLength(Last, SM, LO);
      auto IsSpace = [](char C) {
        return isspace(static_cast<unsigned char>(C)) != 0;
      };
      while (Begin > 0 && IsSpace(Buffer[Begin - 1]))
        --Begin;
      while (End < Buffer.size() && IsSpace(Buffer[End]))
        ++End;
      if (Begin > 0 && Buffer[Begin - 1] == '(' && End < Buffer.size() &&
          Buffer[End] == ')') {
        unsigned NameEnd = Begin - 1;
        while (NameEnd > 0 && IsSpace(Buffer[NameEnd - 1]))
          --NameEnd;
        unsigned NameBegin = NameEnd;
        while (NameBegin > 0 &&
               (isalnum(static_cast<unsigned char>(Buffer[NameBegin - 1])) ||
                Buffer[NameBegin - 1] == '_'))
          --NameBegin;
        if (isMarkerMacro(Buffer.substr(NameBegin, NameEnd - NameBegin)))
          return ByteRange{NameBegin, End + 1};
      }
    }
  }
  if (!isMarkerMacro(outermostMacroName(Loc)))
    return std::nullopt;
  return range(SM.getExpansionRange(Loc));
}

std::optional<StringRef> SourceText::opaqueMacroAt(ByteRange R) const {
  // An insertion (an empty range) inside the argument changes it too.
  ByteRange Touched{R.Begin, std::max(R.End, R.Begin + 1)};
  for (const OpaqueMacroArgument &Argument : Macros.Opaque)
    if (Touched.overlaps(Argument.Text) && !R.contains(Argument.Invocation))
      return StringRef(Argument.Macro);
  return std::nullopt;
}

bool SourceText::insideMacroInvocation(unsigned Offset) const {
  for (const ByteRange &Invocation : Macros.Invocations) {
    if (Offset <= Invocation.Begin || Invocation.End <= Offset)
      continue;
    // A marker's invocation is replaced by its lowering: none is left.
    StringRef Name = text(Invocation).take_while([](char C) {
      return isalnum(static_cast<unsigned char>(C)) || C == '_';
    });
    if (!isMarkerMacro(Name))
      return true;
  }
  return false;
}

unsigned SourceText::offset(SourceLocation Loc) const {
  return SM.getFileOffset(SM.getExpansionLoc(Loc));
}

unsigned SourceText::line(unsigned Offset) const {
  return SM.getLineNumber(MainFile, Offset);
}

unsigned SourceText::column(unsigned Offset) const {
  return SM.getColumnNumber(MainFile, Offset);
}

SourceLocation SourceText::location(unsigned Offset) const {
  return SM.getLocForStartOfFile(MainFile).getLocWithOffset(Offset);
}

void SourceText::countIdentifiers(ByteRange R,
                                  llvm::StringMap<unsigned> &Out) const {
  Lexer Lex(location(R.Begin), LO, Buffer.data() + R.Begin,
            Buffer.data() + R.Begin, Buffer.data() + R.End);
  Token Tok;
  bool More = true;
  while (More) {
    More = !Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::raw_identifier))
      ++Out[Tok.getRawIdentifier()];
  }
}

std::optional<SourceText::EditProblem>
SourceText::editProblem(ByteRange Outer, llvm::ArrayRef<Edit> Edits) const {
  unsigned Pos = Outer.Begin;
  for (const Edit &E : Edits) {
    if (E.Range.Begin < Pos || E.Range.End > Outer.End)
      return EditProblem{E.Range.Begin,
                         "awaitc cannot rewrite overlapping code here"};
    Pos = E.Range.End;
  }
  // Text in a macro argument is edited where the user wrote it, and the
  // macro expands the edited text: right only if the macro uses it once, as
  // tokens (not `#x`, `x ## y`).
  for (const Edit &E : Edits)
    if (auto Macro = opaqueMacroAt(E.Range))
      return EditProblem{
          E.Range.Begin,
          "awaitc cannot rewrite this code in an argument of the macro '" +
              Macro->str() +
              "': the macro stringizes, pastes or repeats that argument"};
  return std::nullopt;
}

std::string
SourceText::splice(ByteRange Outer, llvm::ArrayRef<Edit> Edits,
                   llvm::function_ref<std::string(ByteRange)> Copy,
                   llvm::function_ref<std::string(const Edit &)> After) const {
  std::string Out;
  auto CopyUser = [&](unsigned From, unsigned To) {
    if (From < To)
      Out += Copy ? Copy({From, To}) : text({From, To}).str();
  };
  unsigned Pos = Outer.Begin;
  for (const Edit &E : Edits) {
    CopyUser(Pos, E.Range.Begin);
    Out += E.Text;
    Pos = E.Range.End;
    if (After)
      Out += After(E);
  }
  CopyUser(Pos, Outer.End);
  return Out;
}

} // namespace awaitc
