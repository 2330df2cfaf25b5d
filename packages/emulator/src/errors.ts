import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EmulatorConfig } from "./config.js";

/** error messages of Pulsoid's documented error table, by code */
export const DOCUMENTED_ERRORS: Readonly<Record<number, string>> = {
  7001: "error_while_validating_token",
  7002: "error_while_validating_token",
  7003: "error_while_validating_token",
  7004: "error_while_validating_token",
  7005: "token_not_found",
  7006: "token_expired",
  7007: "premium_required",
  7009: "error_authorization_header_is_not_present",
  7010: "error_authorization_header_has_wrong_format",
  7011: "error_invalid_scope",
  6001: "error_while_validating_token",
  6002: "error_retrieving_latest_heart_rate",
  6003: "error_invalid_scope",
};

/** codes only this emulator uses, for answers the Pulsoid docs leave without a body */
export const EMULATOR_ERRORS = {
  invalidRequestBody: { code: 4000, message: "invalid_request_body" },
  unsupportedMetaId: { code: 4001, message: "unsupported_meta_id" },
  invalidWebSocketHandshake: { code: 4002, message: "invalid_websocket_handshake" },
  widgetNotFound: { code: 4040, message: "widget_not_found" },
  routeNotFound: { code: 4041, message: "route_not_found" },
  noHeartRateYet: { code: 4120, message: "no_heart_rate_data_yet" },
  methodNotAllowed: { code: 4050, message: "method_not_allowed" },
  requestBodyTooLarge: { code: 4130, message: "request_body_too_large" },
  unsupportedMediaType: { code: 4150, message: "content_type_must_be_application_json" },
  emulatedFault: { code: 5000, message: "emulated_fault" },
  internalError: { code: 5001, message: "emulator_internal_error" },
} as const;

/** the Pulsoid error body */
export interface ErrorBody {
  error_code: number | string;
  error_message: string;
}

/** builds an error body, with the code as a number or a string as configured */
export function errorBody(config: EmulatorConfig, code: number, message?: string): ErrorBody {
  return {
    error_code: config.errorCodeType === "string" ? String(code) : code,
    error_message: message ?? DOCUMENTED_ERRORS[code] ?? EMULATOR_ERRORS.emulatedFault.message,
  };
}

/** answers with a Pulsoid error body */
export function sendError(
  c: Context,
  config: EmulatorConfig,
  status: ContentfulStatusCode,
  code: number,
  message?: string,
): Response {
  return c.json(errorBody(config, code, message), status);
}
