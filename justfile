set positional-arguments

# Regenerate generated/ from protocol-defs/: stable by default, `--experimental` for the experimental tree, `--all` for both.
write-app-server-schema *args:
    @npm run -s build
    @node dist/cli/index.js write "$@"

# Fail when generated/ drifted from protocol-defs/ (what CI runs).
check-app-server-schema:
    @npm run -s build
    @node dist/cli/index.js check
