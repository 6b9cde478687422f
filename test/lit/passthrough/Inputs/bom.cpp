// Starts with a UTF-8 byte order mark.
const char *greeting() { return "héllo"; }
