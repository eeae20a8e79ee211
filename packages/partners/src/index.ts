export {
  grantRefusal,
  type IssuedKey,
  issueApiKey,
  type KeyRefusal,
  PARTNER_SCOPES,
  parseApiKey,
  secretMatches,
  type TKeyGrant,
  type TPartnerScope,
  ZKeyGrant,
  ZPartnerScope,
} from './keys';
export { type OpenApiOperation, type PartnerRoute, partnerOpenApi } from './openapi';
