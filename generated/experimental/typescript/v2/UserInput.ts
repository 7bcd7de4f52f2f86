// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { TextElement } from "./TextElement.js";

/** One piece of user input. */
export type UserInput =
  /** Plain text. */
  | {
      /** Variant tag. */
      type: "text";
      /** The text. */
      text: string;
      /** UI-defined spans inside `text`, kept so clients can re-render them. Snake_case on the wire, as in codex. */
      text_elements: TextElement[];
    }
  /** An image by URL (http(s) or data URL). */
  | {
      /** Variant tag. */
      type: "image";
      /** Image URL. */
      url: string;
    }
  /** An image file on the server's machine. */
  | {
      /** Variant tag. */
      type: "localImage";
      /** Absolute path of the image. */
      path: string;
    }
  /** Explicit use of a skill. */
  | {
      /** Variant tag. */
      type: "skill";
      /** Skill name. */
      name: string;
      /** Path of the skill's SKILL.md. */
      path: string;
    }
  /** A `$` mention of an app or other resource. */
  | {
      /** Variant tag. */
      type: "mention";
      /** Display name of the mentioned resource. */
      name: string;
      /** Resource locator, e.g. `app://<connector id>`. */
      path: string;
    };
