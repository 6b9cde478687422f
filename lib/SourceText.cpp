//===- SourceText.cpp -----------------------------------------------------===//
#include "awaitc-tool/SourceText.h"

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
  CharSourceRange Chars =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
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

std::optional<ByteRange> SourceText::markerRange(const CallExpr *Marker) const {
  SourceLocation Loc = Marker->getBeginLoc();
  if (!Loc.isMacroID())
    return range(Marker);
  StringRef Name = outermostMacroName(Loc);
  if (Name != "AWAIT" && Name != "YIELD" && Name != "AWAITC_AWAIT" &&
      Name != "AWAITC_YIELD")
    return std::nullopt;
  CharSourceRange Expansion = SM.getExpansionRange(Loc);
  return range(SourceRange(Expansion.getBegin(), Expansion.getEnd()));
}

unsigned SourceText::offset(SourceLocation Loc) const {
  return SM.getFileOffset(SM.getExpansionLoc(Loc));
}

unsigned SourceText::line(unsigned Offset) const {
  return SM.getLineNumber(MainFile, Offset);
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

} // namespace awaitc
