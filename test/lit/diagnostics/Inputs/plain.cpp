// No annotated function: awaitc copies this file unchanged.
static int square(int x) { return x * x; }
int main() { return square(3) - 9; }
