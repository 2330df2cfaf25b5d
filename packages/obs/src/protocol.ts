// obs-websocket 5 protocol numbers (github.com/obsproject/obs-websocket, docs/generated/protocol.md)

/** message op codes */
export const OpCode = {
  Hello: 0,
  Identify: 1,
  Identified: 2,
  Reidentify: 3,
  Event: 5,
  Request: 6,
  RequestResponse: 7,
  RequestBatch: 8,
  RequestBatchResponse: 9,
} as const;

/** WebSocket close codes the server uses */
export const CloseCode = {
  UnknownReason: 4000,
  MessageDecodeError: 4002,
  MissingDataField: 4003,
  InvalidDataFieldType: 4004,
  InvalidDataFieldValue: 4005,
  UnknownOpCode: 4006,
  NotIdentified: 4007,
  AlreadyIdentified: 4008,
  AuthenticationFailed: 4009,
  UnsupportedRpcVersion: 4010,
  SessionInvalidated: 4011,
  UnsupportedFeature: 4012,
} as const;

/** `requestStatus.code` values */
export const RequestStatus = {
  Success: 100,
  MissingRequestType: 203,
  UnknownRequestType: 204,
  GenericError: 205,
  MissingRequestField: 300,
  MissingRequestData: 301,
  InvalidRequestField: 400,
  InvalidRequestFieldType: 401,
  ResourceNotFound: 600,
  ResourceAlreadyExists: 601,
  InvalidResourceType: 602,
  InvalidInputKind: 605,
  ResourceCreationFailed: 700,
  RequestProcessingFailed: 702,
} as const;

/** the RPC version this package speaks */
export const RPC_VERSION = 1;

/** the WebSocket subprotocols obs-websocket 5 negotiates */
export const SUBPROTOCOL_JSON = "obswebsocket.json";
export const SUBPROTOCOL_MSGPACK = "obswebsocket.msgpack";
