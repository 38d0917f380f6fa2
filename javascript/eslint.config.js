// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// ESLint flat configuration: the recommended rules, on Node.js modules.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/"] },
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      // `const { $metadata, ...response } = ...` drops the SDK's metadata on purpose.
      "no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
];
