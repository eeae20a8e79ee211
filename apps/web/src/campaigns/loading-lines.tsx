/** Grey lines where a panel's content will be: the shared text skeleton, named for the panels. */
export { SkeletonText as LoadingLines } from '../components/skeleton';
