/** The review queue's contract lives with the others in @puffy/contracts; the router and its handlers take it from here. */
export {
  type TPendingReview,
  type TPendingReviewInput,
  type TReviewDecision,
  ZPendingReview,
  ZPendingReviewInput,
  ZPendingReviewPage,
  ZReviewDecision,
  ZReviewResult,
} from '@puffy/contracts';
