export { type ChallengeVerdict, type IssuedChallenge, issueChallenge, verifySolution } from './challenge';
export {
  BURST_MEMBERS,
  BURST_WINDOW_MS,
  type ClusterLinks,
  FUNDING_WINDOW_MS,
  linkMembers,
  type MemberLinks,
} from './clusters';
export {
  type HumanityFailure,
  type HumanityScore,
  HumanityUnavailable,
  type HumanityVerifierOptions,
  humanityVerifier,
} from './humanity';
export { HUMANITY_THRESHOLD, type RiskReason, type RiskScore, type RiskSignal, riskScore } from './score';
export {
  type TMemberSignals,
  type TSignIn,
  type TWalletFacts,
  ZLinkedAccount,
  ZMemberSignals,
  ZSignIn,
  ZWalletFacts,
} from './signals';
export { leadingZeroBits, solveWork, workOf } from './work';
