// CRLF line endings, a tab, trailing blanks and no final newline.
int	answer() { return 42; }   

int main() { return answer() - 42; }