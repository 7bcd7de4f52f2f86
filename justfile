set positional-arguments

# Regenerate generated/ from protocol-defs/: stable by default, `--experimental` for the experimental tree, `--all` for both.
write-app-server-schema *args:
    @npm run -s build
    @node dist/cli/index.js write "$@"

# Fail when generated/ drifted from protocol-defs/ (what CI runs).
check-app-server-schema:
    @npm run -s build
    @node dist/cli/index.js check

# Breaking changes to the stable surface since the merge base with main (origin/main when there is no local main); exit 1 on a break.
# Pass --format github|markdown|json as for `schemagate diff`.
diff-app-server-schema *args:
    @npm run -s build
    @node dist/cli/index.js diff --base "$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main)" "$@"
