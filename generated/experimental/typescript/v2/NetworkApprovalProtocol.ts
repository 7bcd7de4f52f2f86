// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Protocol of a network access awaiting approval. */
export type NetworkApprovalProtocol =
  /** Plain HTTP. */
  | "http"
  /** HTTPS (CONNECT). */
  | "https"
  /** SOCKS5 TCP. */
  | "socks5Tcp"
  /** SOCKS5 UDP. */
  | "socks5Udp";
